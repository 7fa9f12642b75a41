package io.trunkguard.review;

import java.time.Instant;

/**
 * The signed-off campaign's report (PDF and XLSX) is to be generated and stored as
 * evidence dated {@code evidenceDate}.
 */
public record CampaignReportRequested(CampaignId campaignId, Instant evidenceDate, Instant occurredAt) {
}
