package io.trunkguard.vendor;

/**
 * What the latest analysed capture shows about a carrier's traffic (CC6.7). Starts as
 * {@link #NO_CAPTURE_ANALYSED}; set by the capture analysis.
 */
public enum EncryptionStatus {

	NO_CAPTURE_ANALYSED("No capture analysed"), ENCRYPTED("Encrypted"), PARTLY_ENCRYPTED("Partly encrypted"),
	UNENCRYPTED("Unencrypted");

	private final String label;

	EncryptionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
