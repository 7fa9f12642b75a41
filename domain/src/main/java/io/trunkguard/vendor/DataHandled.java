package io.trunkguard.vendor;

/** The most sensitive data the carrier handles for us; one criterion of the risk tier. */
public enum DataHandled {

	NO_PERSONAL_DATA("No personal data", RiskTier.LOW), CALL_METADATA("Call metadata (CDRs, numbers)", RiskTier.MEDIUM),
	PERSONAL_DATA("Personal data of callers or staff", RiskTier.HIGH),
	SENSITIVE_DATA("Sensitive data (health, payment, lawful intercept)", RiskTier.CRITICAL);

	private final String label;

	private final RiskTier tier;

	DataHandled(String label, RiskTier tier) {
		this.label = label;
		this.tier = tier;
	}

	public String label() {
		return label;
	}

	/** The least tier a carrier handling this data can have. */
	public RiskTier tier() {
		return tier;
	}

}
