package io.trunkguard.review;

import io.trunkguard.access.GrantId;

import java.time.Instant;

/**
 * A reviewer recorded (or changed) a decision on an item; it becomes final when they
 * submit.
 */
public record ItemDecided(ReviewItemId itemId, CampaignId campaignId, GrantId grantId, Decision decision,
		String reducedTo, String justification, String actor, Instant occurredAt) {
}
