package io.trunkguard.analyzer.tls;

/**
 * RFC 6347 style sliding window of 64 DTLS record sequence numbers: a retransmitted
 * record is recognised and handled once.
 */
final class ReplayWindow {

	private long max = -1;

	private long bits;

	boolean seen(long seq) {
		if (max < 0 || seq > max) {
			return false;
		}
		long back = max - seq;
		return back >= 64 || (bits & (1L << back)) != 0;
	}

	void mark(long seq) {
		if (seq > max) {
			long shift = max < 0 ? 64 : seq - max;
			bits = shift >= 64 ? 0 : bits << shift;
			max = seq;
			bits |= 1;
		}
		else {
			bits |= 1L << (max - seq);
		}
	}

}
