package io.trunkguard.notification;

/** What a message is about. */
public enum MessageKind {

	/** A reviewer still has undecided items before the campaign's deadline. */
	REVIEW_REMINDER("Review reminder"),
	/** A reviewer missed the deadline: their manager or a compliance lead is told. */
	REVIEW_ESCALATION("Review escalation"),
	/**
	 * A manual access removal of a leaver missed its SLA: the compliance lead is told.
	 */
	REMOVAL_ESCALATION("Removal escalation");

	private final String label;

	MessageKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
