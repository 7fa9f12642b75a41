package io.trunkguard.questionnaire;

/** How a question is answered. */
public enum QuestionType {

	YES_NO("Yes or no"), SINGLE_CHOICE("One choice"), MULTIPLE_CHOICE("Several choices"), TEXT("Text"), DATE("Date"),
	FILE("File upload");

	private final String label;

	QuestionType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
