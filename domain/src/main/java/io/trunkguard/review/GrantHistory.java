package io.trunkguard.review;

import io.trunkguard.access.AccessGrant;

import java.time.Instant;
import java.util.List;

/**
 * What a reviewer needs to know about the grant behind an item: the grant as it stands
 * (granted when and by whom, last use, revoked?) and what earlier campaigns decided about
 * it, newest first.
 */
public record GrantHistory(AccessGrant grant, List<PastDecision> pastDecisions) {

	/** One earlier campaign's outcome for the grant. */
	public record PastDecision(ReviewItemId itemId, CampaignId campaignId, String campaignName,
			Instant campaignStartedAt, Decision decision, String reducedTo, String justification, String decidedBy,
			Instant decidedAt, Closure closure, RemediationStatus remediationStatus) {
	}
}
