package io.trunkguard.analyzer.reassembly;

import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a TCP connection reassembled into in-order bytes: retransmissions and
 * overlaps are trimmed, out-of-order segments wait (bounded), and a gap that is never
 * filled (a packet the capture missed) is skipped and reported so the consumer can
 * resynchronise.
 */
public final class TcpStream {

	/** Receives reassembled bytes in order. */
	public interface Sink {

		void onData(byte[] b, int off, int len, long frame);

		/** Bytes were lost before the next delivery; parsers should resynchronise. */
		default void onGap(long frame) {
		}

	}

	private record Segment(int seq, byte[] data, long frame) {
	}

	private final int maxPendingBytes;

	private final int maxPendingSegments;

	private final Sink sink;

	private boolean started;

	private int nextSeq;

	private final List<Segment> pending = new ArrayList<>();

	private int pendingBytes;

	private long bytesDelivered;

	private long retransmittedBytes;

	private long gaps;

	public TcpStream(Sink sink, int maxPendingBytes, int maxPendingSegments) {
		this.sink = sink;
		this.maxPendingBytes = maxPendingBytes;
		this.maxPendingSegments = maxPendingSegments;
	}

	/** Adds one segment; {@code seq} is the raw 32-bit sequence number. */
	public void onSegment(int seq, boolean syn, boolean fin, byte[] b, int off, int len, long frame) {
		if (!started) {
			started = true;
			nextSeq = syn ? seq + 1 : seq;
		}
		if (syn) {
			seq = seq + 1;
			if (nextSeq == seq - 1) {
				nextSeq = seq;
			}
		}
		if (len <= 0) {
			return;
		}
		int diff = seq - nextSeq; // signed 32-bit distance handles wrap-around
		if (diff <= 0) {
			long skip = behind(diff);
			if (skip >= len) {
				retransmittedBytes += len;
				return;
			}
			retransmittedBytes += skip;
			deliver(b, off + (int) skip, len - (int) skip, frame);
			drain();
		}
		else {
			byte[] copy = new byte[len];
			System.arraycopy(b, off, copy, 0, len);
			pending.add(new Segment(seq, copy, frame));
			pendingBytes += len;
			if (pendingBytes > maxPendingBytes || pending.size() > maxPendingSegments) {
				skipGap(frame);
			}
		}
	}

	/**
	 * How many bytes a segment starting {@code diff} (at most 0) from the next expected
	 * byte lies behind it: in a long, as half the sequence space behind
	 * ({@code Integer.MIN_VALUE}) does not negate in an int.
	 */
	private static long behind(int diff) {
		return -(long) diff;
	}

	private void deliver(byte[] b, int off, int len, long frame) {
		nextSeq += len;
		bytesDelivered += len;
		sink.onData(b, off, len, frame);
	}

	private void drain() {
		boolean progress = true;
		while (progress && !pending.isEmpty()) {
			progress = false;
			for (int i = 0; i < pending.size(); i++) {
				Segment s = pending.get(i);
				int diff = s.seq - nextSeq;
				if (diff <= 0) {
					pending.remove(i);
					pendingBytes -= s.data.length;
					long skip = behind(diff);
					if (skip < s.data.length) {
						retransmittedBytes += skip;
						deliver(s.data, (int) skip, s.data.length - (int) skip, s.frame);
					}
					else {
						retransmittedBytes += s.data.length;
					}
					progress = true;
					break;
				}
			}
		}
	}

	/** Gives up on missing bytes: jumps to the earliest waiting segment. */
	private void skipGap(long frame) {
		Segment earliest = null;
		for (Segment s : pending) {
			if (earliest == null || s.seq - earliest.seq < 0) {
				earliest = s;
			}
		}
		if (earliest == null) {
			return;
		}
		gaps++;
		nextSeq = earliest.seq;
		sink.onGap(frame);
		drain();
	}

	/** Delivers whatever still waits behind a gap (end of capture or eviction). */
	public void flush() {
		while (!pending.isEmpty()) {
			skipGap(0);
		}
	}

	public long bytesDelivered() {
		return bytesDelivered;
	}

	public long retransmittedBytes() {
		return retransmittedBytes;
	}

	public long gaps() {
		return gaps;
	}

	public int pendingBytes() {
		return pendingBytes;
	}

}
