package io.trunkguard.questionnaire;

import java.time.Instant;
import java.util.UUID;

/** A questionnaire's link expires soon and the contact has not submitted. */
public record QuestionnaireReminderDue(UUID questionnaireId, String vendorName, String contactName, String contactEmail,
		Instant expiresAt, long daysLeft) {
}
