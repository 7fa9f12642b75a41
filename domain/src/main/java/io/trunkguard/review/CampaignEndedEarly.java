package io.trunkguard.review;

import java.time.Instant;

/**
 * A compliance lead ended reviewing before the close-out ({@code justification}); the
 * campaign's {@code rule} settled the {@code settledItems} items nobody had submitted.
 */
public record CampaignEndedEarly(CampaignId campaignId, String justification, UnansweredRule rule, int settledItems,
		String actor, Instant occurredAt) {
}
