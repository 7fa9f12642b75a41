package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.correlate.Endpoint;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.Transport;
import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.io.Bytes;
import io.trunkguard.analyzer.sip.SipMessage;
import io.trunkguard.analyzer.sip.SipParser;

import java.util.HashMap;
import java.util.Map;

/**
 * SCTP: the DATA chunks of each association, fragmented user messages reassembled per
 * stream and direction (1 MB at most), each message parsed as SIP.
 */
final class SctpFlows {

	/** Associations kept; the table is emptied when it reaches this. */
	static final int CAP = 10_000;

	/** Largest user message reassembled from fragments. */
	static final int MAX_MESSAGE = 1 << 20;

	private final Correlator correlator;

	private final FlowKey probe;

	private final Map<FlowKey, Association> associations = new HashMap<>();

	private long packets;

	private static final class Association {

		final FlowKey key;

		final boolean firstSenderIsA;

		final Endpoint a;

		final Endpoint b;

		Leg leg;

		Map<Integer, byte[]> fragments;

		Association(FlowKey key, boolean firstSenderIsA) {
			this.key = key;
			this.firstSenderIsA = firstSenderIsA;
			this.a = key.a();
			this.b = key.b();
		}

		Endpoint first() {
			return firstSenderIsA ? a : b;
		}

		Endpoint second() {
			return firstSenderIsA ? b : a;
		}

	}

	SctpFlows(Correlator correlator, FlowKey probe) {
		this.correlator = correlator;
		this.probe = probe;
	}

	long packets() {
		return packets;
	}

	int size() {
		return associations.size();
	}

	void onPacket(Packet p) {
		byte[] b = p.buf;
		int off = p.off;
		if (p.len < 12) {
			return;
		}
		packets++;
		int srcPort = Bytes.u16(b, off);
		int dstPort = Bytes.u16(b, off + 2);
		probe.set(NetworkDecoder.SCTP, p, srcPort, dstPort);
		Association f = associations.get(probe);
		if (f == null) {
			if (associations.size() >= CAP) {
				associations.clear();
			}
			FlowKey key = probe.copy();
			f = new Association(key, probe.srcIsA);
			associations.put(key, f);
		}
		boolean srcIsA = probe.srcIsA;
		int q = off + 12;
		int end = off + p.len;
		while (q + 4 <= end) {
			int type = b[q] & 0xFF;
			int chunkFlags = b[q + 1] & 0xFF;
			int clen = Bytes.u16(b, q + 2);
			if (clen < 4 || q + clen > end) {
				break;
			}
			if (type == 0 && clen > 16) {
				int stream = Bytes.u16(b, q + 8);
				boolean begin = (chunkFlags & 0x02) != 0;
				boolean last = (chunkFlags & 0x01) != 0;
				byte[] data = b;
				int dOff = q + 16;
				int dLen = clen - 16;
				if (!(begin && last)) {
					byte[] joined = reassemble(f, stream * 2 + (srcIsA ? 0 : 1), begin, last, b, dOff, dLen);
					data = joined;
					dOff = 0;
					dLen = joined == null ? 0 : joined.length;
				}
				if (data != null) {
					SipMessage m = SipParser.parse(data, dOff, dLen);
					if (m != null) {
						m.frame = p.frame;
						m.timestampNanos = p.timestampNanos;
						if (f.leg == null) {
							f.leg = correlator.leg(f.key, Transport.SCTP, f.first(), f.second());
						}
						correlator.onSip(f.leg, m, srcIsA ? f.a : f.b, srcIsA ? f.b : f.a);
					}
				}
			}
			q += (clen + 3) & ~3;
		}
	}

	/** Adds a fragment; the whole message when {@code last}, else null. */
	private static byte[] reassemble(Association f, int fk, boolean begin, boolean last, byte[] b, int off, int len) {
		if (f.fragments == null) {
			f.fragments = new HashMap<>();
		}
		byte[] held = begin ? new byte[0] : f.fragments.getOrDefault(fk, new byte[0]);
		if (held.length + len > MAX_MESSAGE) {
			held = new byte[0];
		}
		byte[] joined = new byte[held.length + len];
		System.arraycopy(held, 0, joined, 0, held.length);
		System.arraycopy(b, off, joined, held.length, len);
		if (!last) {
			f.fragments.put(fk, joined);
			return null;
		}
		f.fragments.remove(fk);
		return joined;
	}

}
