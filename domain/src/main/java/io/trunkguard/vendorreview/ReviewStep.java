package io.trunkguard.vendorreview;

/** The step an annual review is at, as the carrier page shows it. */
public enum ReviewStep {

	QUESTIONNAIRE("Waiting for the questionnaire"),
	QUESTIONNAIRE_EXPIRED("Questionnaire expired: re-send it or continue without"),
	SOC_REPORT_REVIEW("SOC report review"), DOCUMENT_CHECK("Document checks"), DECISION("Decision"),
	RECORD("Writing the review record"), DONE("Done");

	private final String label;

	ReviewStep(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
