package io.trunkguard.review;

import java.time.Instant;

/** A compliance lead signed the campaign off; its report can be generated as evidence. */
public record CampaignSignedOff(CampaignId campaignId, String actor, String note, Instant occurredAt) {
}
