package io.trunkguard.vendor;

/** How much of our service stops if the carrier fails; one criterion of the risk tier. */
public enum Criticality {

	LOW("Low: another carrier takes over unnoticed", RiskTier.LOW),
	MEDIUM("Medium: some numbers or features stop", RiskTier.MEDIUM), HIGH("High: most calls stop", RiskTier.HIGH),
	CRITICAL("Critical: the only route, or emergency calling", RiskTier.CRITICAL);

	private final String label;

	private final RiskTier tier;

	Criticality(String label, RiskTier tier) {
		this.label = label;
		this.tier = tier;
	}

	public String label() {
		return label;
	}

	/** The least tier a carrier of this criticality can have. */
	public RiskTier tier() {
		return tier;
	}

}
