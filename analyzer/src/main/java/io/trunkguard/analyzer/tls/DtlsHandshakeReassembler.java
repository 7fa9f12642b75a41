package io.trunkguard.analyzer.tls;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import static io.trunkguard.analyzer.tls.TlsRecords.MAX_HANDSHAKE;

/**
 * Reassembles the DTLS handshake messages of one direction from their fragments (any
 * order, overlapping, retransmitted) and hands each complete message over once.
 */
final class DtlsHandshakeReassembler {

	/** Largest number of DTLS handshake messages reassembled at once per direction. */
	static final int MAX_PARTIALS = 16;

	/** Receives complete handshake messages (body only) and damage. */
	interface Sink {

		void message(int type, byte[] b, int off, int len, long frame);

		void damage(String what, long frame);

	}

	private final BitSet done = new BitSet();

	private final Map<Integer, Partial> partials = new HashMap<>();

	private static final class Partial {

		final int type;

		final byte[] data;

		final BitSet got;

		Partial(int type, int length) {
			this.type = type;
			this.data = new byte[length];
			this.got = new BitSet(length);
		}

	}

	/** The body of one handshake record (one or more fragments). */
	void onRecord(byte[] b, int off, int len, long frame, Sink sink) {
		Wire w = new Wire(b, off, len);
		while (w.remaining() > 0) {
			if (w.remaining() < 12) {
				sink.damage("truncated DTLS handshake fragment header", frame);
				return;
			}
			int msgType = w.u8("type");
			int msgLen = w.u24("length");
			int msgSeq = w.u16("message_seq");
			int fragOff = w.u24("fragment_offset");
			int fragLen = w.u24("fragment_length");
			if (fragLen > w.remaining() || msgLen > MAX_HANDSHAKE || fragOff + fragLen > msgLen) {
				sink.damage("impossible DTLS handshake fragment (message_seq " + msgSeq + ", offset " + fragOff
						+ ", length " + fragLen + " of " + msgLen + ")", frame);
				return;
			}
			int fragStart = w.p;
			w.skip(fragLen, "fragment");
			if (done.get(msgSeq)) {
				continue; // retransmission of a message already handled
			}
			if (fragOff == 0 && fragLen == msgLen) {
				done.set(msgSeq);
				partials.remove(msgSeq);
				sink.message(msgType, b, fragStart, msgLen, frame);
				continue;
			}
			Partial part = partials.get(msgSeq);
			if (part == null || part.data.length != msgLen || part.type != msgType) {
				if (partials.size() >= MAX_PARTIALS) {
					sink.damage("too many incomplete DTLS handshake messages", frame);
					partials.clear();
				}
				part = new Partial(msgType, msgLen);
				partials.put(msgSeq, part);
			}
			System.arraycopy(b, fragStart, part.data, fragOff, fragLen);
			part.got.set(fragOff, fragOff + fragLen);
			if (part.got.cardinality() == msgLen) {
				partials.remove(msgSeq);
				done.set(msgSeq);
				sink.message(msgType, part.data, 0, msgLen, frame);
			}
		}
	}

}
