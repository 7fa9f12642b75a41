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
	REMOVAL_ESCALATION("Removal escalation"),
	/** A carrier's contact receives the link to a questionnaire. */
	QUESTIONNAIRE_LINK("Questionnaire link"),
	/** A carrier's contact is reminded that the questionnaire's link expires soon. */
	QUESTIONNAIRE_REMINDER("Questionnaire reminder"),
	/** A carrier's owner learns that its annual review rejected it. */
	CARRIER_REJECTED("Carrier review rejected"),
	/** A carrier's DPA, BAA, contract, SOC report period or bridge letter ends soon. */
	CARRIER_DOCUMENT_EXPIRING("Carrier document expiring"),
	/** A condition of a carrier's approval is past its due date. */
	CARRIER_CONDITION_OVERDUE("Carrier review condition overdue"),
	/**
	 * A carrier's owner learns that a watched certificate expires within 30, 14 or 7
	 * days.
	 */
	CERTIFICATE_EXPIRY("Certificate expiry alert"),
	/**
	 * An encryption remediation task is still open after its due date: the owner's
	 * manager and the compliance leads are told.
	 */
	ENCRYPTION_REMEDIATION_OVERDUE("Encryption remediation overdue");

	private final String label;

	MessageKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
