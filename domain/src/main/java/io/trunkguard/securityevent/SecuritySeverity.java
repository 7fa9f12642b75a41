package io.trunkguard.securityevent;

/**
 * How urgent a security event is, with the RFC 5424 severity it is forwarded as.
 */
public enum SecuritySeverity {

	CRITICAL("Critical", 2), HIGH("High", 3), MEDIUM("Medium", 4), LOW("Low", 5), INFO("Information", 6);

	private final String label;

	private final int syslogSeverity;

	SecuritySeverity(String label, int syslogSeverity) {
		this.label = label;
		this.syslogSeverity = syslogSeverity;
	}

	public String label() {
		return label;
	}

	/**
	 * The RFC 5424 severity: 2 critical, 3 error, 4 warning, 5 notice, 6 informational.
	 */
	public int syslogSeverity() {
		return syslogSeverity;
	}

	/** The severity of an analyzer finding ("HIGH", "medium"), INFO if unknown. */
	static SecuritySeverity ofFinding(String severity) {
		for (SecuritySeverity candidate : values()) {
			if (candidate.name().equalsIgnoreCase(severity)) {
				return candidate;
			}
		}
		return INFO;
	}

}
