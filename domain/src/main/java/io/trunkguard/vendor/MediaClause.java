package io.trunkguard.vendor;

/** What a contract requires of the media (RTP) exchanged with the carrier. */
public enum MediaClause {

	NONE("No requirement"), SRTP("SRTP"), SRTP_OR_DTLS_SRTP("SRTP or DTLS-SRTP");

	private final String label;

	MediaClause(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
