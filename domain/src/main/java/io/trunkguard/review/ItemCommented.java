package io.trunkguard.review;

import java.time.Instant;

/** A reviewer or compliance lead commented on an item. */
public record ItemCommented(ReviewItemId itemId, CampaignId campaignId, String author, String body,
		Instant occurredAt) {
}
