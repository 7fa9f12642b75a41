package io.trunkguard.vendor;

/** Where a carrier stands in its relationship with us. */
public enum CarrierStatus {

	ONBOARDING("Onboarding"), ACTIVE("Active"), OFFBOARDED("Offboarded");

	private final String label;

	CarrierStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
