package io.trunkguard.questionnaire;

/** What removing a questionnaire template did. */
public enum TemplateRemoval {

	/** No questionnaire was sent from it: it is gone. */
	DELETED,

	/** Questionnaires were sent from it: kept for them, no longer offered for sending. */
	RETIRED

}
