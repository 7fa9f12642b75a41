package io.trunkguard.vendor;

/** What a contract requires of SIP signalling to and from the carrier. */
public enum SignallingClause {

	NONE("No requirement"), TLS_1_2("TLS 1.2 or newer"), TLS_1_3("TLS 1.3");

	private final String label;

	SignallingClause(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
