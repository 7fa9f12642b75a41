package io.trunkguard.questionnaire;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something happened to a questionnaire: sent, re-sent, revoked, opened, saved,
 * submitted, reminded. Audited with the source address for the contact's own actions.
 * Never carries the link's token.
 *
 * @param action e.g. {@code QUESTIONNAIRE_SUBMITTED}
 * @param sourceAddress the contact's address for open, save and submit; null otherwise
 */
public record QuestionnaireEvent(UUID questionnaireId, VendorId vendorId, UUID reviewId, String action,
		String sourceAddress, String detail, String actor, Instant occurredAt) implements AuditableEvent {

	public static final String SENT = "QUESTIONNAIRE_SENT";

	public static final String RESENT = "QUESTIONNAIRE_RESENT";

	public static final String REVOKED = "QUESTIONNAIRE_REVOKED";

	public static final String OPENED = "QUESTIONNAIRE_OPENED";

	public static final String SAVED = "QUESTIONNAIRE_SAVED";

	public static final String FILE_ATTACHED = "QUESTIONNAIRE_FILE_ATTACHED";

	public static final String SUBMITTED = "QUESTIONNAIRE_SUBMITTED";

	public static final String REMINDED = "QUESTIONNAIRE_REMINDED";

	public static final String EXPORTED = "QUESTIONNAIRE_EXPORTED";

	public static final String IMPORTED = "QUESTIONNAIRE_ANSWERS_IMPORTED";

	public boolean isSubmission() {
		return SUBMITTED.equals(action);
	}

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditSubjectType() {
		return "Questionnaire";
	}

	@Override
	public String auditSubjectId() {
		return questionnaireId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("vendorId", vendorId, "reviewId", reviewId, "sourceAddress", sourceAddress,
				"detail", detail);
	}
}
