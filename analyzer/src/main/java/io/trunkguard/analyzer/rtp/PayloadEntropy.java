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

	/**
	 * Histogram for the distribution test: each payload without its last
	 * {@link #TRAILER_BYTES} (where SRTP puts its tag and an MKI, a constant that would
	 * make ciphertext look uneven), only payloads longer than twice that.
	 */
	private final int[] bodyCounts = new int[256];

	private int bodySampled;

	/** SRTP's longest tag (10 bytes) plus a 4-byte MKI. */
	static final int TRAILER_BYTES = 14;

	public void add(byte[] b, int off, int len) {
		int n = Math.min(len, SAMPLE_LIMIT - sampled);
		for (int i = 0; i < n; i++) {
			counts[b[off + i] & 0xFF]++;
		}
		sampled += Math.max(n, 0);
		if (n > 2 * TRAILER_BYTES) {
			int m = Math.min(n, len - TRAILER_BYTES);
			for (int i = 0; i < m; i++) {
				bodyCounts[b[off + i] & 0xFF]++;
			}
			bodySampled += m;
		}
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

	/** Bytes needed before the byte distribution's chi-square is used. */
	public static final int MIN_DISTRIBUTION_SAMPLE = 4096;

	/**
	 * Chi-square at or above this (255 degrees of freedom: ciphertext gives 255 ± 23)
	 * means the bytes are not uniform, so not ciphertext; it is ~20 standard deviations
	 * out.
	 */
	public static final double NOT_UNIFORM_CHI_SQUARE = 750;

	/** Chi-square at or below this is what uniform bytes (ciphertext) give. */
	public static final double UNIFORM_CHI_SQUARE = 360;

	/**
	 * Pearson's chi-square of the byte histogram against the uniform distribution (255
	 * degrees of freedom).
	 */
	public double chiSquare() {
		if (bodySampled == 0) {
			return 0;
		}
		double expected = bodySampled / 256.0;
		double x = 0;
		for (int c : bodyCounts) {
			double d = c - expected;
			x += d * d / expected;
		}
		return x;
	}

	/**
	 * True when enough bytes were sampled and their distribution is far from uniform: no
	 * cipher output, whatever the codec (plain codec frames keep some bytes more frequent
	 * than others, even when their entropy is high).
	 */
	public boolean notUniform() {
		return bodySampled >= MIN_DISTRIBUTION_SAMPLE && chiSquare() >= NOT_UNIFORM_CHI_SQUARE;
	}

	/** True when enough bytes were sampled and they are as uniform as ciphertext. */
	public boolean uniform() {
		return bodySampled >= MIN_DISTRIBUTION_SAMPLE && chiSquare() <= UNIFORM_CHI_SQUARE;
	}

	/** Bytes in the distribution test. */
	public int distributionSampled() {
		return bodySampled;
	}

	public boolean ciphertextLike() {
		return conclusive() && bitsPerByte() >= CIPHERTEXT_BITS;
	}

}
