package io.trunkguard.review;

import java.time.Instant;

/**
 * A campaign froze its scope: {@code items} review items routed to {@code reviewers}
 * reviewers. {@code overlapReason}: why it was started beside another campaign of the
 * quarter over the same grants (null when it was not).
 */
public record CampaignStarted(CampaignId campaignId, String name, String period, Instant deadline,
		UnansweredRule unansweredRule, int items, int reviewers, String actor, Instant occurredAt,
		String overlapReason) {
}
