package io.trunkguard.vendor;

/** Whether the carrier sees the content of calls; one criterion of the risk tier. */
public enum CallContent {

	NONE("Sees no call content", RiskTier.LOW), CARRIES("Carries call media", RiskTier.HIGH),
	RECORDS("Records or stores call media", RiskTier.CRITICAL);

	private final String label;

	private final RiskTier tier;

	CallContent(String label, RiskTier tier) {
		this.label = label;
		this.tier = tier;
	}

	public String label() {
		return label;
	}

	/** The least tier a carrier with this access to call content can have. */
	public RiskTier tier() {
		return tier;
	}

}
