package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;

import java.time.Instant;

/**
 * A revocation on a system with a connector went to its owner by hand, because no
 * connector serves it; says why.
 */
public record RemediationRoutedToManual(ReviewItemId itemId, CampaignId campaignId, ConnectorType connector,
		String reason, Instant occurredAt) {
}
