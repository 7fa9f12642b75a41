package io.trunkguard.review;

import java.time.Instant;

/** A compliance lead moved an unsubmitted item to another reviewer. */
public record ItemReassigned(ReviewItemId itemId, CampaignId campaignId, String fromReviewer, String toReviewer,
		String actor, Instant occurredAt) {
}
