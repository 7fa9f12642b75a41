package io.trunkguard.analyzer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content sniffing: TLS needs a first byte of 20..24 and DTLS additionally a 0xFE version
 * byte. SIP starts with printable ASCII (or CR/LF keep-alives) and RTP/RTCP with
 * 0x80..0xBF (version 2), STUN with 0x00/0x01, ZRTP with 0x10: none of those can pass,
 * which the exhaustive checks below demonstrate for every possible first byte of each
 * class.
 */
class TlsSniffingTest {

	static boolean tls(byte[] b) {
		return TlsSniffer.looksLikeTls(b, 0, b.length);
	}

	static boolean dtls(byte[] b) {
		return TlsSniffer.looksLikeDtls(b, 0, b.length);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tls12-ecdhe-aes128gcm", "tls13-chacha20", "tls10-cbc", "tls12-ecdsa-chain" })
	void recognisesEveryTlsSegmentOfARealConnection(String capture) {
		List<TestPcap.Payload> payloads = TestPcap.payloads(capture);
		assertThat(payloads).isNotEmpty();
		for (TestPcap.Payload p : payloads) {
			// loopback segments start on record boundaries: each one must look like TLS,
			// none like DTLS
			assertThat(tls(p.bytes())).as("frame %d", p.frame()).isTrue();
			assertThat(dtls(p.bytes())).as("frame %d", p.frame()).isFalse();
		}
	}

	@Test
	void recognisesEveryDtlsDatagramOfARealAssociation() {
		for (TestPcap.Payload p : TestPcap.payloads("dtls12-srtp")) {
			assertThat(dtls(p.bytes())).as("frame %d", p.frame()).isTrue();
			assertThat(tls(p.bytes())).as("frame %d", p.frame()).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "INVITE sip:bob@example.test SIP/2.0\r\nVia: SIP/2.0/TLS 10.0.0.1:5061\r\n\r\n",
			"REGISTER sip:example.test SIP/2.0\r\n", "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n",
			"ACK sip:bob@example.test SIP/2.0\r\n", "BYE sip:bob@example.test SIP/2.0\r\n",
			"CANCEL sip:bob@example.test SIP/2.0\r\n", "SUBSCRIBE sip:bob@example.test SIP/2.0\r\n",
			"NOTIFY sip:bob@example.test SIP/2.0\r\n", "MESSAGE sip:bob@example.test SIP/2.0\r\n",
			"PRACK sip:bob@example.test SIP/2.0\r\n", "UPDATE sip:bob@example.test SIP/2.0\r\n",
			"INFO sip:bob@example.test SIP/2.0\r\n", "REFER sip:bob@example.test SIP/2.0\r\n",
			"PUBLISH sip:bob@example.test SIP/2.0\r\n", "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n",
			"SIP/2.0 401 Unauthorized\r\n", "\r\n\r\n", "\r\n", "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n" })
	void neverTakesSipTextForTlsOrDtls(String text) {
		byte[] b = text.getBytes(StandardCharsets.US_ASCII);
		assertThat(tls(b)).isFalse();
		assertThat(dtls(b)).isFalse();
	}

	@Test
	void neverTakesAnyAsciiTextForTlsOrDtls() {
		Random random = new Random(3);
		for (int i = 0; i < 20_000; i++) {
			byte[] b = new byte[5 + random.nextInt(200)];
			for (int j = 0; j < b.length; j++) {
				int r = random.nextInt(97);
				b[j] = (byte) (r == 95 ? '\r' : r == 96 ? '\n' : 32 + r); // printable
																			// ASCII, CR,
																			// LF
			}
			assertThat(tls(b)).isFalse();
			assertThat(dtls(b)).isFalse();
		}
	}

	@Test
	void neverTakesRtpRtcpStunOrZrtpForTlsOrDtls() {
		Random random = new Random(5);
		for (int first = 0; first < 256; first++) {
			boolean rtp = first >= 0x80 && first <= 0xBF;
			boolean stun = first <= 0x03;
			boolean zrtp = first == 0x10;
			if (!rtp && !stun && !zrtp) {
				continue;
			}
			for (int i = 0; i < 200; i++) {
				byte[] b = new byte[12 + random.nextInt(200)];
				random.nextBytes(b);
				b[0] = (byte) first;
				assertThat(tls(b)).as("first byte 0x%02x", first).isFalse();
				assertThat(dtls(b)).as("first byte 0x%02x", first).isFalse();
			}
		}
	}

	@Test
	void rejectsShortNullAndOutOfRangeBuffers() {
		byte[] clientHello = TestPcap.payloads("tls12-chacha20").get(0).bytes();
		assertThat(tls(clientHello)).isTrue();
		assertThat(TlsSniffer.looksLikeTls(clientHello, 0, 4)).isFalse();
		assertThat(TlsSniffer.looksLikeTls(null, 0, 10)).isFalse();
		assertThat(TlsSniffer.looksLikeTls(clientHello, clientHello.length - 2, 10)).isFalse();
		assertThat(TlsSniffer.looksLikeTls(clientHello, -1, 10)).isFalse();
		assertThat(TlsSniffer.looksLikeDtls(new byte[12], 0, 12)).isFalse();
		assertThat(TlsSniffer.looksLikeDtls(null, 0, 20)).isFalse();
	}

	@Test
	void rejectsTlsHeadersWithImpossibleFields() {
		assertThat(tls(new byte[] { 22, 3, 1, 0, 0 })).isFalse(); // empty record
		assertThat(tls(new byte[] { 22, 3, 9, 0, 10 })).isFalse(); // version 3.9
		assertThat(tls(new byte[] { 22, 3, 3, (byte) 0x48, 1 })).isFalse(); // length >
																			// 2^14 + 2048
		assertThat(tls(new byte[] { 20, 3, 3, 0, 2, 1, 1 })).isFalse(); // CCS of two
																		// bytes
		assertThat(tls(new byte[] { 25, 3, 3, 0, 2, 1, 1 })).isFalse(); // content type 25
		assertThat(tls(new byte[] { 23, 3, 3, 0, 5, 1, 2, 3, 4, 5 })).isTrue(); // one
																				// application
																				// record
		assertThat(tls(new byte[] { 23, 3, 3, 0, 1, 9, 77, 77, 77, 77, 77 })).isFalse(); // a
																							// second
																							// header
																							// that
																							// is
																							// not
																							// TLS
	}

}
