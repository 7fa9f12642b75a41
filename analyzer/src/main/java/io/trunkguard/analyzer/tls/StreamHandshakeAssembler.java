package io.trunkguard.analyzer.tls;

import java.util.Arrays;

import static io.trunkguard.analyzer.tls.TlsRecords.MAX_HANDSHAKE;

/**
 * Cuts the handshake messages of one direction of a TLS stream out of its handshake
 * records: a message may span records and a record may hold several. The buffer holds at
 * most one message and is released after a large one (a certificate chain).
 */
final class StreamHandshakeAssembler {

	private static final byte[] EMPTY = new byte[0];

	/** Receives complete handshake messages (body only) and damage. */
	interface Sink {

		void message(int type, byte[] b, int off, int len, long frame);

		void damage(String what, long frame);

	}

	private byte[] hs = EMPTY;

	private int hsLen;

	private boolean dead;

	/** Drops a partial message (bytes were lost). */
	void reset() {
		hsLen = 0;
	}

	/**
	 * One handshake record's body; {@code streamOffset} is where the direction stands,
	 * for messages.
	 */
	void append(byte[] b, int off, int len, long frame, long streamOffset, Sink sink) {
		if (dead) {
			return;
		}
		if (hsLen + len > hs.length) {
			int need = hsLen + len;
			if (need > MAX_HANDSHAKE + 4) {
				dead = true;
				sink.damage(
						"handshake message longer than " + MAX_HANDSHAKE + " bytes at stream offset " + streamOffset,
						frame);
				return;
			}
			hs = Arrays.copyOf(hs, Math.min(MAX_HANDSHAKE + 4, Math.max(Math.max(need, 1024), hs.length * 2)));
		}
		System.arraycopy(b, off, hs, hsLen, len);
		hsLen += len;
		int p = 0;
		while (hsLen - p >= 4) {
			int msgType = hs[p] & 0xff;
			int msgLen = (hs[p + 1] & 0xff) << 16 | (hs[p + 2] & 0xff) << 8 | (hs[p + 3] & 0xff);
			if (msgLen > MAX_HANDSHAKE) {
				dead = true;
				sink.damage("handshake message length " + msgLen + " exceeds " + MAX_HANDSHAKE + " at stream offset "
						+ streamOffset, frame);
				return;
			}
			if (hsLen - p < 4 + msgLen) {
				break;
			}
			sink.message(msgType, hs, p + 4, msgLen, frame);
			p += 4 + msgLen;
		}
		if (p > 0) {
			System.arraycopy(hs, p, hs, 0, hsLen - p);
			hsLen -= p;
			if (hsLen == 0 && hs.length > 4096) {
				hs = EMPTY; // a certificate chain was parsed: do not keep its buffer for
							// the connection's life
			}
		}
	}

}
