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

	private final int[] lastEventDuration = { -1, -1 };

	/**
	 * Successive packets of this payload type from one SSRC (at most 16 sequence numbers
	 * apart).
	 */
	private int consecutivePairs;

	/** Of those, the pairs whose RTP timestamp did not move (one RFC 4733 event). */
	private int sameTimestampPairs;

	/** 4-byte payloads, and of them the ones shaped as RFC 4733 event reports. */
	private int fourBytePayloads;

	private int eventCodesUpTo16;

	private int reservedBitClear;

	private int endBits;

	/**
	 * Same-timestamp pairs of 4-byte payloads, and of them the ones whose duration grew
	 * or stayed.
	 */
	private int eventDurationPairs;

	private int eventDurationGrowing;

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
		if (plen == 4) {
			fourBytePayloads++;
			eventCodesUpTo16 += (b[po] & 0xFF) <= 16 ? 1 : 0;
			reservedBitClear += (b[po + 1] & 0x40) == 0 ? 1 : 0;
			endBits += (b[po + 1] & 0x80) != 0 ? 1 : 0;
		}
		int slot = lastSsrc[0] == ssrc ? 0 : lastSsrc[1] == ssrc ? 1 : -1;
		if (slot < 0) {
			slot = lastSsrc[0] == -1 ? 0 : 1;
			lastSsrc[slot] = ssrc;
		}
		else {
			// packets of this payload type from one SSRC, a few sequence numbers apart
			// (another payload type, such as the audio beside telephone-events, may sit
			// between them)
			int gap = (seq - lastSeq[slot]) & 0xFFFF;
			long step = (timestamp - lastTs[slot]) & 0xFFFFFFFFL;
			if (gap == 1 && step > 0 && step <= 48_000) {
				count(steps, stepCounts, (int) step);
			}
			if (gap >= 1 && gap <= 16) {
				consecutivePairs++;
				if (step == 0) {
					sameTimestampPairs++;
					if (plen == 4 && lastEventDuration[slot] >= 0) {
						eventDurationPairs++;
						eventDurationGrowing += ((b[po + 2] & 0xFF) << 8 | b[po + 3] & 0xFF) >= lastEventDuration[slot]
								? 1 : 0;
					}
				}
			}
		}
		lastTs[slot] = timestamp;
		lastSeq[slot] = seq;
		lastEventDuration[slot] = plen == 4 ? (b[po + 2] & 0xFF) << 8 | b[po + 3] & 0xFF : -1;
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

	/**
	 * Share of consecutive packets of one SSRC whose RTP timestamp did not move (RFC 4733
	 * events repeat their start timestamp; audio moves it every packet), or 0.
	 */
	public double sameTimestampShare() {
		return consecutivePairs == 0 ? 0 : (double) sameTimestampPairs / consecutivePairs;
	}

	/** 4-byte payloads sampled. */
	public int fourBytePayloads() {
		return fourBytePayloads;
	}

	/**
	 * True when the 4-byte payloads read as RFC 4733 event reports: event codes up to 16
	 * (DTMF 0-9, *, #, A-D, flash) in at least 90%, the reserved bit always clear, end
	 * bits seen, and within an event (same timestamp) the duration never shrinking.
	 */
	public boolean telephoneEventStructure() {
		int n = fourBytePayloads;
		return n > 0 && eventCodesUpTo16 >= 0.9 * n && reservedBitClear == n && endBits > 0
				&& eventDurationGrowing >= 0.9 * eventDurationPairs;
	}

	/** Sentence describing the RFC 4733 fields seen in the 4-byte payloads. */
	public String telephoneEventFacts() {
		return String.format(java.util.Locale.ROOT,
				"%d of %d 4-byte payloads with event codes up to 16 (largest first byte %d), the reserved bit clear in %d,"
						+ " the end bit in %d, the duration growing within an event in %d of %d",
				eventCodesUpTo16, fourBytePayloads, maxFirstByte(), reservedBitClear, endBits, eventDurationGrowing,
				eventDurationPairs);
	}

}
