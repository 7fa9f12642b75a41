package io.trunkguard.analyzer.rtp;

/**
 * The shape of one payload type's RTP payloads on a stream, sampled over its first
 * {@link #SAMPLE_PACKETS} packets: how the first payload byte is distributed (a codec's
 * table of contents or mode byte takes few values; ciphertext takes them all), which
 * payload length dominates, and the usual RTP timestamp step per packet (the packet's
 * duration in clock ticks, per SSRC). In place, no allocation per packet.
 */
public final class PayloadShape {

	/** Packets sampled per payload type. */
	public static final int SAMPLE_PACKETS = 1024;

	private static final int LENGTH_SLOTS = 8;

	public final int payloadType;

	private final int[] firstByte = new int[256];

	private int distinctFirstBytes;

	private int sampled;

	private final int[] lengths = new int[LENGTH_SLOTS];

	private final int[] lengthCounts = new int[LENGTH_SLOTS];

	private final int[] steps = new int[LENGTH_SLOTS];

	private final int[] stepCounts = new int[LENGTH_SLOTS];

	private final long[] lastSsrc = { -1, -1 };

	private final long[] lastTs = new long[2];

	private final int[] lastSeq = new int[2];

	public PayloadShape(int payloadType) {
		this.payloadType = payloadType;
	}

	public boolean full() {
		return sampled >= SAMPLE_PACKETS;
	}

	/**
	 * Accounts one RTP packet of this payload type; {@code po}/{@code plen} are its
	 * payload.
	 */
	public void add(long ssrc, int seq, long timestamp, byte[] b, int po, int plen) {
		if (sampled >= SAMPLE_PACKETS) {
			return;
		}
		sampled++;
		if (plen > 0 && firstByte[b[po] & 0xFF]++ == 0) {
			distinctFirstBytes++;
		}
		count(lengths, lengthCounts, plen);
		int slot = lastSsrc[0] == ssrc ? 0 : lastSsrc[1] == ssrc ? 1 : -1;
		if (slot < 0) {
			slot = lastSsrc[0] == -1 ? 0 : 1;
			lastSsrc[slot] = ssrc;
		}
		else if (((seq - lastSeq[slot]) & 0xFFFF) == 1) {
			long step = (timestamp - lastTs[slot]) & 0xFFFFFFFFL;
			if (step > 0 && step <= 48_000) {
				count(steps, stepCounts, (int) step);
			}
		}
		lastTs[slot] = timestamp;
		lastSeq[slot] = seq;
	}

	private static void count(int[] values, int[] counts, int v) {
		for (int i = 0; i < values.length; i++) {
			if (counts[i] > 0 && values[i] == v) {
				counts[i]++;
				return;
			}
		}
		for (int i = 0; i < values.length; i++) {
			if (counts[i] == 0) {
				values[i] = v;
				counts[i] = 1;
				return;
			}
		}
	}

	private static int top(int[] values, int[] counts) {
		int best = -1;
		for (int i = 0; i < values.length; i++) {
			if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
				best = i;
			}
		}
		return best;
	}

	/** Packets sampled. */
	public int packets() {
		return sampled;
	}

	/** Distinct values of the first payload byte over the sampled packets. */
	public int distinctFirstBytes() {
		return distinctFirstBytes;
	}

	/** Share of the sampled packets whose first byte is the most frequent value. */
	public double topFirstByteShare() {
		int max = 0;
		for (int c : firstByte) {
			max = Math.max(max, c);
		}
		return sampled == 0 ? 0 : (double) max / sampled;
	}

	/** The most frequent first byte, or -1. */
	public int topFirstByte() {
		int best = -1;
		for (int i = 0; i < 256; i++) {
			if (firstByte[i] > 0 && (best < 0 || firstByte[i] > firstByte[best])) {
				best = i;
			}
		}
		return best;
	}

	/** Largest first byte seen, or -1. */
	public int maxFirstByte() {
		for (int i = 255; i >= 0; i--) {
			if (firstByte[i] > 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Distinct first-byte values expected from {@code n} uniformly random bytes: 256 (1 -
	 * (255/256)^n).
	 */
	public static double expectedDistinctIfRandom(int n) {
		return 256 * (1 - Math.pow(255.0 / 256, n));
	}

	/** The dominant payload length, or -1. */
	public int dominantLength() {
		int i = top(lengths, lengthCounts);
		return i < 0 ? -1 : lengths[i];
	}

	/** Share of the sampled packets that have the dominant length. */
	public double dominantLengthShare() {
		int i = top(lengths, lengthCounts);
		return i < 0 || sampled == 0 ? 0 : (double) lengthCounts[i] / sampled;
	}

	/** The usual timestamp step between consecutive packets of one SSRC, or -1. */
	public int dominantStep() {
		int i = top(steps, stepCounts);
		return i < 0 ? -1 : steps[i];
	}

}
