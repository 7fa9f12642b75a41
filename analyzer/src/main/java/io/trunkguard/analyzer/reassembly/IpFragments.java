package io.trunkguard.analyzer.reassembly;

import io.trunkguard.analyzer.decode.Packet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reassembles IPv4 and IPv6 fragments. Bounded: at most {@code maxDatagrams} pending
 * datagrams (oldest evicted first), at most 65535 bytes each, and datagrams older than
 * {@code timeoutNanos} of capture time are dropped.
 */
public final class IpFragments {

	private final int maxDatagrams;

	private final long timeoutNanos;

	private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>(64, 0.75f, true);

	private long reassembled;

	private long dropped;

	private record Key(int version, long srcHi, long srcLo, long dstHi, long dstLo, long id, int protocol) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && id == k.id && srcLo == k.srcLo && dstLo == k.dstLo && srcHi == k.srcHi
					&& dstHi == k.dstHi && version == k.version && protocol == k.protocol;
		}

		@Override
		public int hashCode() {
			long h = id * 0x9E3779B97F4A7C15L + srcLo;
			h = h * 31 + dstLo;
			h = h * 31 + srcHi;
			h = h * 31 + dstHi;
			h = h * 31 + (version << 8 | protocol);
			return (int) (h ^ (h >>> 32));
		}
	}

	private static final class Pending {

		final List<int[]> ranges = new ArrayList<>();

		byte[] data = new byte[2048];

		int totalLength = -1;

		long firstSeen;

		void put(int offset, byte[] b, int off, int len) {
			int end = offset + len;
			if (end > data.length) {
				byte[] bigger = new byte[Math.min(65_535, Math.max(end, data.length * 2))];
				System.arraycopy(data, 0, bigger, 0, data.length);
				data = bigger;
			}
			System.arraycopy(b, off, data, offset, len);
			ranges.add(new int[] { offset, end });
		}

		boolean complete() {
			if (totalLength < 0) {
				return false;
			}
			ranges.sort((a, c) -> Integer.compare(a[0], c[0]));
			int covered = 0;
			for (int[] r : ranges) {
				if (r[0] > covered) {
					return false;
				}
				covered = Math.max(covered, r[1]);
			}
			return covered >= totalLength;
		}

	}

	public IpFragments(int maxDatagrams, long timeoutNanos) {
		this.maxDatagrams = maxDatagrams;
		this.timeoutNanos = timeoutNanos;
	}

	/**
	 * Adds the fragment described by {@code p} (payload at p.off/p.len, offset
	 * p.fragOffset). Returns the whole payload when the datagram is complete, else null.
	 */
	public byte[] add(Packet p) {
		int end = p.fragOffset + p.len;
		if (p.len < 0 || end > 65_535) {
			dropped++;
			return null;
		}
		Key key = new Key(p.ipVersion, p.srcHi, p.srcLo, p.dstHi, p.dstLo, p.fragId, p.protocol);
		Pending d = pending.get(key);
		if (d == null) {
			expire(p.timestampNanos);
			if (pending.size() >= maxDatagrams) {
				Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
				it.next();
				it.remove();
				dropped++;
			}
			d = new Pending();
			d.firstSeen = p.timestampNanos;
			pending.put(key, d);
		}
		d.put(p.fragOffset, p.buf, p.off, p.len);
		if (!p.moreFragments) {
			d.totalLength = end;
		}
		if (d.complete()) {
			pending.remove(key);
			reassembled++;
			byte[] out = new byte[d.totalLength];
			System.arraycopy(d.data, 0, out, 0, d.totalLength);
			return out;
		}
		return null;
	}

	private void expire(long now) {
		Iterator<Pending> it = pending.values().iterator();
		while (it.hasNext()) {
			Pending d = it.next();
			if (now - d.firstSeen > timeoutNanos) {
				it.remove();
				dropped++;
			}
		}
	}

	public int pendingCount() {
		return pending.size();
	}

	public long reassembledCount() {
		return reassembled;
	}

	public long droppedCount() {
		return dropped + pending.size();
	}

	@Override
	public String toString() {
		return "IpFragments" + Objects.toString(pending.size());
	}

}
