package io.trunkguard.review;

import java.time.Instant;

/**
 * A file proving a manual removal was attached to an item (its name, size and SHA-256 go
 * to the audit trail).
 */
public record RemediationProofAttached(ReviewItemId itemId, CampaignId campaignId, String fileName, String contentType,
		long sizeBytes, String sha256, String actor, Instant occurredAt) {
}
