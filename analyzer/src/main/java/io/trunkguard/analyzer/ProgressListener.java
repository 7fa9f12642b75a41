package io.trunkguard.analyzer;

/** Streaming progress of one analysis, called from the analysing thread. */
@FunctionalInterface
public interface ProgressListener {

	/**
	 * @param bytesRead raw input bytes consumed so far (compressed bytes for gzip input)
	 * @param packets records framed so far
	 */
	void onProgress(long bytesRead, long packets);

}
