package io.trunkguard.evidence;

/** Where a piece of evidence stands before an auditor relies on it. */
public enum EvidenceStatus {

	/** Recorded but not yet meant to be relied on. */
	DRAFT("draft"),
	/** Complete, waiting for a compliance lead's approval. */
	READY("ready"),
	/** A compliance lead (not the person who recorded it) approved it. */
	APPROVED("approved"),
	/** An auditor questioned it; a compliance lead answers. */
	FLAGGED("flagged"),
	/** Past its expiry date: no longer evidence of anything current. */
	EXPIRED("expired");

	private final String label;

	EvidenceStatus(String label) {
		this.label = label;
	}

	/** The word a person reads, e.g. "ready". */
	public String label() {
		return label;
	}

}
