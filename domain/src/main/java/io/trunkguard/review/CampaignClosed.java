package io.trunkguard.review;

import java.time.Instant;

/** Every item of the campaign is decided and every revocation remediated or accepted. */
public record CampaignClosed(CampaignId campaignId, String actor, Instant occurredAt) {
}
