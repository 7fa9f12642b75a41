package io.trunkguard.trace;

/** The encryption verdict of one leg: its signalling and its media together. */
public enum LegVerdict {

	ENCRYPTED("Encrypted"), PARTLY_ENCRYPTED("Partly encrypted"), UNENCRYPTED("Unencrypted");

	private final String description;

	LegVerdict(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

	/** The verdict of the analyzer's report, e.g. {@code PARTLY_ENCRYPTED}. */
	public static LegVerdict of(String reportValue) {
		return valueOf(reportValue);
	}

}
