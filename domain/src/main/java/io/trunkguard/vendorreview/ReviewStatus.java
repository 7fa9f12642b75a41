package io.trunkguard.vendorreview;

/** Where an annual review stands. */
public enum ReviewStatus {

	IN_PROGRESS("In progress"), APPROVED("Approved"), APPROVED_WITH_CONDITIONS("Approved with conditions"),
	REJECTED("Rejected");

	private final String label;

	ReviewStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
