package io.trunkguard.review;

import java.time.Instant;

/**
 * A campaign froze its scope: {@code items} review items routed to {@code reviewers}
 * reviewers.
 */
public record CampaignStarted(CampaignId campaignId, String name, String period, Instant deadline,
		UnansweredRule unansweredRule, int items, int reviewers, String actor, Instant occurredAt) {
}
