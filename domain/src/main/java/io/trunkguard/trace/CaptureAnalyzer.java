package io.trunkguard.trace;

/**
 * The port to the SIP trace analyzer (implemented in {@code integrations}, which owns the
 * analyzer library): reads a capture and answers its report as data and as the analyzer's
 * versioned JSON document, exactly as its command line prints it with {@code --json}.
 */
public interface CaptureAnalyzer {

	/**
	 * Analyses the capture. A damaged file is not an error: the result describes the
	 * damage.
	 * @throws CaptureAnalysisFailed when the file cannot be read at all or the time limit
	 * passes
	 */
	AnalysisResult analyse(AnalysisRequest request, AnalysisProgress progress);

}
