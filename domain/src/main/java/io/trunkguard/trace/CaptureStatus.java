package io.trunkguard.trace;

/** Where a capture is in its analysis. */
public enum CaptureStatus {

	/** Stored, waiting for the analysis job. */
	QUEUED("Waiting for analysis"),
	/** A node is reading it. */
	ANALYSING("Being analysed"),
	/** Analysed (also when the file is damaged: the report says where). */
	DONE("Analysed"),
	/**
	 * The analysis could not finish (time limit, unreadable file); an incident says why.
	 */
	FAILED("Analysis failed");

	private final String description;

	CaptureStatus(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

}
