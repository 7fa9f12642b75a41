package io.trunkguard.analyzer.rtp;

/**
 * Tells media from noise on a flow whose set-up is not visible: RTP is recognised once
 * one source (a direction of the flow and an SSRC) has sent {@link #RUN} packets in a row
 * whose sequence numbers move forward in small steps. Each source keeps its own run, so
 * the two directions of a call may alternate packet by packet, and a direction may
 * interleave a few SSRCs (retransmission, a conference), without resetting each other.
 */
public final class RtpRunDetector {

	/** Packets in a row from one source that make a flow media. */
	public static final int RUN = 4;

	/** Sources followed at once; the least recently seen gives way to a new one. */
	static final int SLOTS = 4;

	private static final int MAX_STEP = 100;

	private final long[] ssrc = new long[SLOTS];

	private final int[] seq = new int[SLOTS];

	private final int[] run = new int[SLOTS];

	private final long[] lastUse = new long[SLOTS];

	private long clock;

	/**
	 * Accounts one RTP-looking packet and answers whether its source has now sent a run.
	 * @param direction 0 or 1: which side of the flow sent it
	 * @param packetSsrc the packet's SSRC
	 * @param sequence its sequence number
	 */
	public boolean offer(int direction, long packetSsrc, int sequence) {
		long key = (packetSsrc << 1) | (direction & 1);
		clock++;
		int victim = 0;
		for (int i = 0; i < SLOTS; i++) {
			if (lastUse[i] != 0 && ssrc[i] == key) {
				int step = (sequence - seq[i]) & 0xFFFF;
				run[i] = step >= 1 && step <= MAX_STEP ? run[i] + 1 : 1;
				seq[i] = sequence;
				lastUse[i] = clock;
				return run[i] >= RUN;
			}
			if (lastUse[i] < lastUse[victim]) {
				victim = i;
			}
		}
		ssrc[victim] = key;
		seq[victim] = sequence;
		run[victim] = 1;
		lastUse[victim] = clock;
		return RUN <= 1;
	}

}
