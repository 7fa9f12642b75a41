package io.trunkguard.trace;

/** Told, from the analysing thread, how many bytes of the capture were read. */
@FunctionalInterface
public interface AnalysisProgress {

	void bytesRead(long bytes);

}
