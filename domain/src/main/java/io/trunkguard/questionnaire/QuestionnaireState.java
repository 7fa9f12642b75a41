package io.trunkguard.questionnaire;

/** Where a questionnaire stands, as the lead's tracker shows it. */
public enum QuestionnaireState {

	SENT("Sent, not opened"), OPENED("Opened"), IN_PROGRESS("In progress"), SUBMITTED("Submitted"), EXPIRED("Expired"),
	REVOKED("Revoked");

	private final String label;

	QuestionnaireState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the contact can still answer. */
	public boolean isOpen() {
		return this == SENT || this == OPENED || this == IN_PROGRESS;
	}

}
