package io.trunkguard.review;

import java.time.Instant;

/** At close-out, {@code items} unanswered items were settled by the campaign's rule. */
public record UnansweredItemsResolved(CampaignId campaignId, UnansweredRule rule, int items, String actor,
		Instant occurredAt) {
}
