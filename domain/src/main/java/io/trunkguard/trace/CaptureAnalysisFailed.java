package io.trunkguard.trace;

/**
 * The analysis of a capture could not finish: the file cannot be read or the time limit
 * passed. The message is a sentence for the person looking at the capture.
 */
public class CaptureAnalysisFailed extends RuntimeException {

	public CaptureAnalysisFailed(String message) {
		super(message);
	}

	public CaptureAnalysisFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
