package io.trunkguard.trace;

/** How an encryption remediation task was closed. */
public enum RemediationClosure {

	NEWER_CAPTURE("Closed by a newer capture"), ACCEPTED_RISK("Risk accepted");

	private final String label;

	RemediationClosure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
