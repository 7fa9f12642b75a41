package io.trunkguard.analyzer.rtp;

/**
 * Byte histogram of sampled RTP payloads and its Shannon entropy. Uncompressed audio
 * (G.711) stays well below 8 bits per byte; ciphertext is indistinguishable from 8.
 */
public final class PayloadEntropy {

	/** Enough bytes for a stable estimate; sampling stops there. */
	public static final int SAMPLE_LIMIT = 64 * 1024;

	/** Below this many sampled bytes the estimate is not used. */
	public static final int MIN_SAMPLE = 2000;

	/** At or above this the payload is judged ciphertext-like. */
	public static final double CIPHERTEXT_BITS = 7.6;

	private final int[] counts = new int[256];

	private int sampled;

	public void add(byte[] b, int off, int len) {
		int n = Math.min(len, SAMPLE_LIMIT - sampled);
		for (int i = 0; i < n; i++) {
			counts[b[off + i] & 0xFF]++;
		}
		sampled += Math.max(n, 0);
	}

	public boolean full() {
		return sampled >= SAMPLE_LIMIT;
	}

	public int sampled() {
		return sampled;
	}

	public boolean conclusive() {
		return sampled >= MIN_SAMPLE;
	}

	public double bitsPerByte() {
		if (sampled == 0) {
			return 0;
		}
		double h = 0;
		for (int c : counts) {
			if (c > 0) {
				double p = (double) c / sampled;
				h -= p * Math.log(p);
			}
		}
		return h / Math.log(2);
	}

	public boolean ciphertextLike() {
		return conclusive() && bitsPerByte() >= CIPHERTEXT_BITS;
	}

}
