package io.trunkguard.review;

import io.trunkguard.people.PersonId;

import java.time.Instant;

/** A reviewer submitted their decisions in a campaign; their inbox task is done. */
public record ReviewSubmitted(CampaignId campaignId, PersonId reviewerId, String reviewerUsername, int items,
		Instant occurredAt) {
}
