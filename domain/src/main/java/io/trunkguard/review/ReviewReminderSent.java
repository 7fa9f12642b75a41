package io.trunkguard.review;

import java.time.Instant;

/** A reviewer with undecided items was reminded of the campaign's deadline. */
public record ReviewReminderSent(CampaignId campaignId, String reviewerUsername, int openItems, Instant deadline, Instant occurredAt) {
}
