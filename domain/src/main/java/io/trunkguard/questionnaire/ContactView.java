package io.trunkguard.questionnaire;

/**
 * What the contact's link opens: the questionnaire, its template and the carrier's name;
 * {@code readOnly} once submitted (the receipt).
 */
public record ContactView(Questionnaire questionnaire, QuestionnaireTemplate template, String vendorName,
		boolean readOnly) {
}
