package io.trunkguard.vendorreview;

/** The outcome of an annual review. */
public enum Decision {

	APPROVED(ReviewStatus.APPROVED), APPROVED_WITH_CONDITIONS(ReviewStatus.APPROVED_WITH_CONDITIONS),
	REJECTED(ReviewStatus.REJECTED);

	private final ReviewStatus status;

	Decision(ReviewStatus status) {
		this.status = status;
	}

	public ReviewStatus status() {
		return status;
	}

	public String label() {
		return status.label();
	}

}
