package io.trunkguard.review;

import java.time.Instant;

/**
 * A reviewer missed the deadline; {@code escalatedTo} is their manager's username or,
 * without one, the compliance lead group
 * ({@link ReviewReminderService#COMPLIANCE_LEAD_GROUP}).
 */
public record ReviewEscalated(CampaignId campaignId, String reviewerUsername, String escalatedTo, int openItems,
		Instant occurredAt) {
}
