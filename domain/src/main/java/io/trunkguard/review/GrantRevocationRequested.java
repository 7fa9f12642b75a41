package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;

import java.time.Instant;

/**
 * A final decision (or the unanswered rule) asks for a grant to be revoked or reduced:
 * remediation starts. {@code decision} is REVOKE or REDUCE; {@code reducedTo} is the
 * lesser role of a reduction.
 */
public record GrantRevocationRequested(ReviewItemId itemId, CampaignId campaignId, GrantId grantId, SystemId systemId,
		ConnectorType connector, Decision decision, String reducedTo, String actor, Instant occurredAt) {
}
