package io.trunkguard.review;

import java.time.Instant;

/**
 * A reviewer with undecided items was reminded of the campaign's deadline, by the
 * process's timer ({@code actor} {@value ReviewItem#SYSTEM_ACTOR}) or by a compliance
 * lead.
 */
public record ReviewReminderSent(CampaignId campaignId, String reviewerUsername, int openItems, Instant deadline,
		String actor, Instant occurredAt) {
}
