package io.trunkguard.questionnaire;

import java.time.Instant;
import java.util.UUID;

/** One line of the lead's questionnaire tracker. */
public record TrackerRow(UUID id, String vendorId, String vendorName, String contactName, String contactEmail,
		QuestionnaireState state, Instant sentAt, Instant expiresAt, long daysLeft, int deviations, int answered,
		int questions, Instant submittedAt) {
}
