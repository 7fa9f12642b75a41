package io.trunkguard.analyzer.sip;

import io.trunkguard.analyzer.testing.Sip;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIP over WebSocket with permessage-deflate (RFC 7692): inflated with context takeover,
 * bad input skipped.
 */
class WebSocketDeflateTest {

	private static final byte[] UPGRADE = bytes(
			"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Protocol: sip\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");

	private final List<SipMessage> got = new ArrayList<>();

	private final WebSocketFramer ws = new WebSocketFramer(got::add);

	/**
	 * One compressor for the whole direction: later messages refer back to earlier ones.
	 */
	private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * The message compressed as RFC 7692 says: a sync flush, its trailing 00 00 FF FF
	 * removed.
	 */
	byte[] compress(byte[] message) {
		deflater.setInput(message);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buf = new byte[4096];
		int n;
		do {
			n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
			out.write(buf, 0, n);
		}
		while (n == buf.length);
		byte[] all = out.toByteArray();
		return Arrays.copyOf(all, all.length - 4);
	}

	/**
	 * A masked frame; {@code first} sets RSV1 (compressed) and the text opcode, else a
	 * continuation.
	 */
	static byte[] frame(byte[] payload, boolean first, boolean fin) {
		byte[] mask = { 5, 6, 7, 8 };
		byte[] f = new byte[8 + payload.length];
		f[0] = (byte) ((fin ? 0x80 : 0) | (first ? 0x40 | 0x01 : 0x00));
		f[1] = (byte) (0x80 | 126);
		f[2] = (byte) (payload.length >> 8);
		f[3] = (byte) payload.length;
		System.arraycopy(mask, 0, f, 4, 4);
		for (int i = 0; i < payload.length; i++) {
			f[8 + i] = (byte) (payload[i] ^ mask[i & 3]);
		}
		return f;
	}

	void feed(byte[] b, long frame) {
		ws.onData(b, 0, b.length, frame, 0);
	}

	@Test
	void inflatesCompressedMessagesThatReferBackToEarlierOnes() {
		feed(UPGRADE, 1);
		byte[] register = bytes(Sip.request("REGISTER", "sip:example.com", "d1", 1, "", ""));
		byte[] again = bytes(Sip.request("REGISTER", "sip:example.com", "d1", 2, "", ""));
		feed(frame(compress(register), true, true), 2);
		byte[] second = compress(again);
		assertThat(second.length).isLessThan(again.length / 3); // mostly back-references
																// into the first message
		feed(frame(second, true, true), 3);
		assertThat(got).extracting(m -> m.cseq).containsExactly(1L, 2L);
		assertThat(got).extracting(m -> m.frame).containsExactly(2L, 3L);
		assertThat(ws.undecodable()).isZero();
	}

	@Test
	void inflatesACompressedMessageSplitOverFrames() {
		feed(UPGRADE, 1);
		byte[] z = compress(bytes(Sip.request("OPTIONS", "sip:example.com", "d2", 7, "", "")));
		int half = z.length / 2;
		feed(frame(Arrays.copyOfRange(z, 0, half), true, false), 2);
		feed(frame(Arrays.copyOfRange(z, half, z.length), false, true), 3);
		assertThat(got).singleElement().satisfies(m -> assertThat(m.method).isEqualTo("OPTIONS"));
	}

	@Test
	void skipsAndCountsWhatCannotBeInflatedThenGoesOn() {
		feed(UPGRADE, 1);
		compress(bytes(Sip.request("REGISTER", "sip:example.com", "d3", 1, "", ""))); // window
																						// the
																						// framer
																						// never
																						// saw
		byte[] dependent = compress(bytes(Sip.request("REGISTER", "sip:example.com", "d3", 2, "", "")));
		feed(frame(dependent, true, true), 2);
		feed(frame(new byte[] { (byte) 0xFF, (byte) 0xFF, 0x13, 0x37 }, true, true), 3);
		assertThat(got).isEmpty();
		assertThat(ws.undecodable()).isEqualTo(2);
		Deflater fresh = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		fresh.setInput(bytes(Sip.request("BYE", "sip:example.com", "d3", 3, "", "")));
		byte[] buf = new byte[4096];
		int n = fresh.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
		feed(frame(Arrays.copyOf(buf, n - 4), true, true), 4);
		assertThat(got).singleElement().satisfies(m -> assertThat(m.method).isEqualTo("BYE"));
	}

	@Test
	void refusesToInflateBeyondTheMessageCap() {
		feed(UPGRADE, 1);
		byte[] bomb = new byte[3 * 1024 * 1024]; // 3 MB of zeros deflate to a few
													// kilobytes
		feed(frame(compress(bomb), true, true), 2);
		assertThat(got).isEmpty();
		assertThat(ws.undecodable()).isEqualTo(1);
	}

}
