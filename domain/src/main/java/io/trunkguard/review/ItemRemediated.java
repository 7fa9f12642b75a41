package io.trunkguard.review;

import io.trunkguard.access.GrantId;

import java.time.Instant;

/**
 * The change asked for by an item was made ({@code status} REMEDIATED, with proof) or
 * explicitly accepted as not made ({@code status} ACCEPTED, with a justification).
 */
public record ItemRemediated(ReviewItemId itemId, CampaignId campaignId, GrantId grantId, RemediationStatus status,
		String note, String actor, Instant occurredAt) {
}
