package io.trunkguard.vendor;

/** The kinds of signed documents kept on a carrier. */
public enum DocumentKind {

	DPA("Data processing agreement (DPA)"), BAA("Business associate agreement (BAA)"), SOC_REPORT("SOC report"),
	BRIDGE_LETTER("Bridge letter"), CONTRACT("Contract"), OTHER("Other document");

	private final String label;

	DocumentKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
