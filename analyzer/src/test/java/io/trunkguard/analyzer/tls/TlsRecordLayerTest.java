package io.trunkguard.analyzer.tls;

import static io.trunkguard.analyzer.tls.TlsBytes.alpn;
import static io.trunkguard.analyzer.tls.TlsBytes.bytes;
import static io.trunkguard.analyzer.tls.TlsBytes.certificate;
import static io.trunkguard.analyzer.tls.TlsBytes.clientHello;
import static io.trunkguard.analyzer.tls.TlsBytes.clientVersions;
import static io.trunkguard.analyzer.tls.TlsBytes.concat;
import static io.trunkguard.analyzer.tls.TlsBytes.handshake;
import static io.trunkguard.analyzer.tls.TlsBytes.record;
import static io.trunkguard.analyzer.tls.TlsBytes.serverHello;
import static io.trunkguard.analyzer.tls.TlsBytes.slice;
import static io.trunkguard.analyzer.tls.TlsBytes.sni;
import static io.trunkguard.analyzer.tls.TlsBytes.useSrtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Record framing, handshake reassembly and damage reporting on hand-built bytes. */
class TlsRecordLayerTest {

	static final byte[] CLIENT_HELLO = clientHello(sni("sip.example.test"), alpn(List.of("sip")),
			clientVersions(0x0a0a, 0x0304, 0x0303), useSrtp(1, 7));
	static final byte[] SERVER_HELLO = serverHello(0xC02F, 0);

	private static TlsFacts feed(TlsConnection c, Side side, byte[] bytes, int... cuts) {
		int from = 0;
		for (int cut : cuts) {
			c.onStreamData(side, bytes, from, cut - from, 1);
			from = cut;
		}
		c.onStreamData(side, bytes, from, bytes.length - from, 1);
		return c.facts();
	}

	@Test
	void readsAClientHelloSplitAtEveryPossibleByte() {
		byte[] rec = record(22, 0x0301, CLIENT_HELLO);
		for (int cut = 1; cut < rec.length; cut++) {
			TlsFacts f = feed(TlsConnection.stream(null), Side.A, rec, cut);
			assertThat(f.serverName()).as("cut %d", cut).isEqualTo("sip.example.test");
		}
	}

	@Test
	void readsClientHelloFieldsAndIgnoresGrease() {
		TlsFacts f = feed(TlsConnection.stream(null), Side.A, record(22, 0x0301, CLIENT_HELLO));

		assertThat(f.clientSide()).isEqualTo(Side.A);
		assertThat(f.serverName()).isEqualTo("sip.example.test");
		assertThat(f.alpn()).containsExactly("sip");
		assertThat(f.offeredVersions()).containsExactly(0x0304, 0x0303);
		assertThat(f.srtpProtectionProfiles()).containsExactly(1, 7);
		assertThat(f.useSrtpNegotiated()).isFalse();
		assertThat(f.version()).isNull();
		assertThat(f.versionCode()).isZero();
		assertThat(f.damage()).isNull();
	}

	@Test
	void reassemblesAHandshakeMessageSplitAcrossThreeRecords() {
		byte[] m = CLIENT_HELLO;
		int a = 3; // inside the handshake header
		int b = 60; // inside the body
		byte[] stream = concat(record(22, 0x0301, slice(m, 0, a)), record(22, 0x0301, slice(m, a, b)),
				record(22, 0x0301, slice(m, b, m.length)));

		TlsFacts f = feed(TlsConnection.stream(null), Side.A, stream, 2, 7, 40);

		assertThat(f.serverName()).isEqualTo("sip.example.test");
		assertThat(f.damage()).isNull();
	}

	@Test
	void readsSeveralHandshakeMessagesCoalescedInOneRecordAndSeveralRecordsInOneChunk() {
		TlsConnection c = TlsConnection.stream(null);
		c.onStreamData(Side.A, record(22, 0x0301, CLIENT_HELLO), 0, record(22, 0x0301, CLIENT_HELLO).length, 1);
		byte[] flight = concat(
				record(22, 0x0303,
						concat(SERVER_HELLO, certificate(CertificateFactsTest.der("rsa1024.pem")),
								handshake(14, new byte[0]))),
				record(20, 0x0303, new byte[] { 1 }), record(22, 0x0303, new byte[40])); // the
																							// encrypted
																							// Finished
		c.onStreamData(Side.B, flight, 0, flight.length, 2);

		TlsFacts f = c.facts();
		assertThat(f.version()).isEqualTo("TLS 1.2");
		assertThat(f.cipherSuiteName()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
		assertThat(f.serverCertificates()).singleElement().satisfies(cert -> assertThat(cert.weakKey()).isTrue());
		assertThat(f.certificateFrame()).isEqualTo(2);
		assertThat(f.handshakeComplete()).isFalse(); // only the server finished
		assertThat(f.damage()).isNull();
	}

	@Test
	void takesTls13FromSupportedVersionsNotFromTheLegacyField() {
		TlsConnection c = TlsConnection.stream(null);
		feed(c, Side.A, record(22, 0x0301, CLIENT_HELLO));
		TlsFacts f = feed(c, Side.B, record(22, 0x0303, serverHello(0x1301, 0x0304)));

		assertThat(f.version()).isEqualTo("TLS 1.3");
		assertThat(f.versionCode()).isEqualTo(0x0304);
		assertThat(f.certificatesEncrypted()).isTrue();
	}

	@Test
	void helloRetryRequestIsNotTheFinalServerHello() {
		byte[] hrr = handshake(2,
				bytes().u16(0x0303)
					.raw(KeyLogTest.hex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C"))
					.vec8(new byte[0])
					.u16(0x1302)
					.u8(0)
					.vec16(TlsBytes.extension(43, bytes().u16(0x0304).done()))
					.done());
		TlsConnection c = TlsConnection.stream(null);
		feed(c, Side.A, record(22, 0x0301, CLIENT_HELLO));
		feed(c, Side.B, record(22, 0x0303, hrr));
		// after an HRR the client's next records are still plaintext: a second
		// ClientHello
		TlsFacts f = feed(c, Side.A, concat(record(20, 0x0303, new byte[] { 1 }), record(22, 0x0303, CLIENT_HELLO)));

		assertThat(f.version()).isEqualTo("TLS 1.3");
		assertThat(f.damage()).isNull();
		assertThat(f.serverName()).isEqualTo("sip.example.test");
	}

	@Test
	void infersTheClientFromAServerHelloWhenTheClientHelloWasMissed() {
		TlsFacts f = feed(TlsConnection.stream(null), Side.A, record(22, 0x0303, SERVER_HELLO));
		assertThat(f.clientSide()).isEqualTo(Side.B);
		assertThat(f.version()).isEqualTo("TLS 1.2");
		assertThat(f.offeredVersions()).isEmpty();
	}

	@Test
	void recordsPlaintextAlerts() {
		TlsConnection c = TlsConnection.stream(null);
		feed(c, Side.A, record(22, 0x0301, CLIENT_HELLO));
		TlsFacts f = feed(c, Side.B, record(21, 0x0303, new byte[] { 2, 40 }));
		assertThat(f.alert()).isEqualTo("handshake_failure");
		assertThat(TlsRecords.alertName(70)).isEqualTo("protocol_version");
		assertThat(TlsRecords.alertName(250)).isEqualTo("alert_250");
	}

	@Test
	void reportsAnImpossibleRecordLengthWithItsOffset() {
		byte[] first = record(22, 0x0301, CLIENT_HELLO);
		byte[] stream = concat(first, new byte[] { 23, 3, 3, (byte) 0xff, (byte) 0xff }, new byte[100]);

		TlsFacts f = feed(TlsConnection.stream(null), Side.A, stream);

		assertThat(f.damage()).contains("side A")
			.contains("record length 65535")
			.contains("stream offset " + first.length);
		assertThat(f.serverName()).isEqualTo("sip.example.test"); // what came before is
																	// kept
	}

	@Test
	void reportsBytesThatAreNotTlsAndStopsThatDirectionOnly() {
		TlsConnection c = TlsConnection.stream(null);
		byte[] sip = "INVITE sip:bob@example.test SIP/2.0\r\n".repeat(1200)
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII); // more than the resync
																	// window
		feed(c, Side.A, sip);
		feed(c, Side.A, record(22, 0x0301, CLIENT_HELLO)); // ignored: the direction is
															// dead
		TlsFacts f = feed(c, Side.B, record(22, 0x0303, SERVER_HELLO));

		assertThat(f.damage()).contains("no TLS record boundary")
			.contains("not a TLS record (content type 73) at stream offset 0");
		assertThat(f.serverName()).isNull();
		assertThat(f.version()).isEqualTo("TLS 1.2");
	}

	@Test
	void reportsAnUnknownRecordVersionAfterTheFirstRecord() {
		TlsConnection c = TlsConnection.stream(null);
		feed(c, Side.A, record(22, 0x0301, CLIENT_HELLO));
		TlsFacts f = feed(c, Side.A, record(22, 0x0909, CLIENT_HELLO));
		assertThat(f.damage()).contains("version 0x0909");
	}

	@Test
	void findsTheFirstRecordBoundaryWhenTheCaptureStartsMidRecord() {
		Random random = new Random(99);
		List<byte[]> records = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			byte[] payload = new byte[100 + random.nextInt(3000)];
			random.nextBytes(payload);
			records.add(record(23, 0x0303, payload));
		}
		byte[] stream = concat(records.toArray(new byte[0][]));
		int boundary = records.get(0).length + records.get(1).length + records.get(2).length;
		for (int cut : new int[] { 1, 3, 4, 77, boundary - records.get(2).length / 2, boundary - 1 }) {
			for (int chunk : new int[] { 1, 5, 1448, 65536 }) {
				TlsConnection c = TlsConnection.stream(null);
				for (int i = cut; i < stream.length; i += chunk) {
					c.onStreamData(Side.A, stream, i, Math.min(chunk, stream.length - i), i);
				}
				assertThat(c.facts().damage()).as("cut %d chunk %d", cut, chunk).isNull();
				assertThat(c.skippedBytes(Side.A)).as("cut %d chunk %d", cut, chunk)
					.isPositive()
					.isLessThan(boundary + records.get(3).length + records.get(4).length - cut);
			}
		}
		TlsConnection whole = TlsConnection.stream(null);
		whole.onStreamData(Side.A, stream, 0, stream.length, 1);
		assertThat(whole.skippedBytes(Side.A)).isZero();
	}

	@Test
	void reportsAMalformedClientHelloAndGoesOnWithTheNextMessage() {
		byte[] broken = handshake(1, bytes().u16(0x0303).raw(TlsBytes.random(1)).u8(200).done()); // session
																									// id
																									// runs
																									// off
		TlsConnection c = TlsConnection.stream(null);
		feed(c, Side.A, record(22, 0x0301, broken));
		TlsFacts f = feed(c, Side.B, record(22, 0x0303, SERVER_HELLO));

		assertThat(f.damage()).contains("malformed ClientHello").contains("session_id");
		assertThat(f.version()).isEqualTo("TLS 1.2");
	}

	@Test
	void reportsAnExtensionLongerThanItsList() {
		byte[] body = bytes().u16(0x0303)
			.raw(TlsBytes.random(1))
			.vec8(new byte[0])
			.vec16(new byte[] { 0x13, 0x01 })
			.vec8(new byte[] { 0 })
			.u16(10)
			.u16(0)
			.u16(50)
			.done(); // extension claims 50 bytes of 6
		TlsFacts f = feed(TlsConnection.stream(null), Side.A, record(22, 0x0301, handshake(1, body)));
		assertThat(f.damage()).contains("malformed ClientHello").contains("extensions");
	}

	@Test
	void reportsAnUnparseableCertificateButKeepsTheOthers() {
		TlsConnection c = TlsConnection.stream(null);
		feed(c, Side.A, record(22, 0x0301, CLIENT_HELLO));
		TlsFacts f = feed(c, Side.B, record(22, 0x0303,
				concat(SERVER_HELLO, certificate(new byte[] { 1, 2, 3 }, CertificateFactsTest.der("ca.pem")))));

		assertThat(f.damage()).contains("certificate 0").contains("not a parseable X.509");
		assertThat(f.serverCertificates()).hasSize(1);
	}

	@Test
	void refusesHandshakeMessagesBeyondTheBoundWithoutBuffering() {
		byte[] header = bytes().u8(11).u24(16_000_000).done();
		TlsFacts f = feed(TlsConnection.stream(null), Side.B, record(22, 0x0303, header));
		assertThat(f.damage()).contains("handshake message length 16000000 exceeds");
	}

	@Test
	void acceptsALargeCertificateMessageWithinTheBound() {
		// ~100 KB chain of a repeated certificate, split in 16 KB records
		byte[] der = CertificateFactsTest.der("rsa2048.pem");
		byte[][] chain = new byte[100_000 / der.length][];
		java.util.Arrays.fill(chain, der);
		byte[] msg = concat(SERVER_HELLO, certificate(chain));
		List<byte[]> records = new ArrayList<>();
		for (int i = 0; i < msg.length; i += 16384) {
			records.add(record(22, 0x0303, slice(msg, i, Math.min(msg.length, i + 16384))));
		}
		TlsConnection c = TlsConnection.stream(null);
		feed(c, Side.A, record(22, 0x0301, CLIENT_HELLO));
		TlsFacts f = feed(c, Side.B, concat(records.toArray(new byte[0][])));

		assertThat(f.damage()).isNull();
		assertThat(f.serverCertificates()).hasSize(chain.length);
	}

	@Test
	void reportsInvalidArgumentsInsteadOfThrowing() {
		TlsConnection c = TlsConnection.stream(null);
		assertThatCode(() -> {
			c.onStreamData(Side.A, null, 0, 5, 1);
			c.onStreamData(Side.A, new byte[4], 2, 5, 1);
			c.onStreamData(Side.A, new byte[4], -1, 2, 1);
			c.onStreamData(null, new byte[4], 0, 4, 1);
			c.onDatagram(Side.A, new byte[4], 3, 2, 1);
		}).doesNotThrowAnyException();
		assertThat(c.facts().damage()).contains("invalid buffer arguments");
	}

	@Test
	void reportsTruncatedAndOverlongDtlsRecords() {
		TlsConnection c = TlsConnection.datagram(null);
		c.onDatagram(Side.A, new byte[] { 22, (byte) 0xfe, (byte) 0xfd, 0, 0 }, 0, 5, 7);
		assertThat(c.facts().damage()).contains("truncated DTLS record header").contains("frame 7");

		TlsConnection d = TlsConnection.datagram(null);
		byte[] rec = bytes().u8(22).u16(0xfefd).u16(0).u24(0).u24(0).u16(500).zeros(20).done();
		d.onDatagram(Side.A, rec, 0, rec.length, 8);
		assertThat(d.facts().damage()).contains("DTLS record length 500 beyond the datagram");
	}

	@Test
	void reportsAnImpossibleDtlsFragment() {
		byte[] frag = bytes().u8(1).u24(100).u16(0).u24(90).u24(20).zeros(20).done(); // 90
																						// +
																						// 20
																						// >
																						// 100
		byte[] rec = bytes().u8(22).u16(0xfefd).u16(0).u24(0).u24(0).vec16(frag).done();
		TlsConnection c = TlsConnection.datagram(null);
		c.onDatagram(Side.A, rec, 0, rec.length, 3);
		assertThat(c.facts().damage()).contains("impossible DTLS handshake fragment");
	}

	@Test
	void neverThrowsOnRandomBytesInAnyChunking() {
		Random random = new Random(7);
		for (int round = 0; round < 3000; round++) {
			byte[] junk = new byte[random.nextInt(400)];
			random.nextBytes(junk);
			if (junk.length > 0 && random.nextBoolean()) {
				junk[0] = (byte) (20 + random.nextInt(5)); // a plausible content type, to
															// get past the header check
				if (junk.length > 2) {
					junk[1] = 3;
					junk[2] = (byte) random.nextInt(5);
				}
			}
			TlsConnection s = TlsConnection.stream(null);
			TlsConnection d = TlsConnection.datagram(null);
			for (int i = 0; i < junk.length;) {
				int n = Math.min(junk.length - i, 1 + random.nextInt(50));
				Side side = random.nextBoolean() ? Side.A : Side.B;
				s.onStreamData(side, junk, i, n, round);
				d.onDatagram(side, junk, i, n, round);
				i += n;
			}
			assertThat(s.facts()).isNotNull();
			assertThat(d.facts()).isNotNull();
		}
	}

	@Test
	void neverThrowsOnMutatedRealCaptures() {
		Random random = new Random(11);
		String[] captures = { "tls12-ecdhe-cbc-etm", "tls13-chacha20", "tls10-cbc", "dtls12-srtp",
				"tls12-ecdsa-chain" };
		for (int round = 0; round < 300; round++) {
			String name = captures[round % captures.length];
			List<TestPcap.Payload> payloads = new ArrayList<>();
			for (TestPcap.Payload p : TestPcap.payloads(name)) {
				byte[] b = p.bytes().clone();
				int flips = random.nextInt(4);
				for (int i = 0; i < flips && b.length > 0; i++) {
					b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
				}
				payloads.add(new TestPcap.Payload(p.frame(), p.side(), b));
			}
			TlsCaptureTest.Run run = TlsCaptureTest.run(name, TestPcap.keyLog(name),
					TlsCaptureTest.Chunking.RANDOM_SPLITS, payloads);
			assertThat(run.facts()).isNotNull();
			if (run.facts().decrypted() && run.facts().decryptionProblem() == null) {
				// whatever got through authentication is exactly what was sent
				assertThat(run.plainA()).isIn("", TlsCaptureTest.CLIENT);
			}
		}
	}

}
