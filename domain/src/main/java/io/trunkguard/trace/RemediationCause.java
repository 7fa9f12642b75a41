package io.trunkguard.trace;

/** Why a capture opened an encryption remediation task. */
public enum RemediationCause {

	REGRESSION("Encryption regression"), HIGH_FINDING("High CC6.7 finding");

	private final String label;

	RemediationCause(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
