package io.trunkguard.review;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.shared.InvalidStateException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps generated campaign reports as evidence dated the campaign's close (with their
 * SHA-256, recorded in the audit trail), and hands out the latest one of a format.
 */
@Service
@Transactional
public class CampaignReportArchive {

	private final ReviewReports reports;

	private final ReviewCampaigns campaigns;

	private final AuditTrail trail;

	private final Clock clock;

	CampaignReportArchive(ReviewReports reports, ReviewCampaigns campaigns, AuditTrail trail,
			ObjectProvider<Clock> clock) {
		this.reports = reports;
		this.campaigns = campaigns;
		this.trail = trail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Stores a report of a signed-off campaign. */
	public ReviewReport store(CampaignId campaignId, ReviewReport.Format format, byte[] content) {
		ReviewCampaign campaign = campaigns.findById(campaignId)
			.orElseThrow(() -> new io.trunkguard.shared.NotFoundException("Campaign", campaignId));
		if (campaign.getStatus() != CampaignStatus.SIGNED_OFF) {
			throw new InvalidStateException("campaign.not-signed-off",
					"only a signed-off campaign's report is kept as evidence");
		}
		String sha256 = sha256(content);
		String fileName = "access-review-" + campaign.getPeriod() + "-" + campaignId.toString().substring(0, 8) + "."
				+ format.extension();
		ReviewReport report = reports.save(new ReviewReport(campaignId, format, fileName, content, sha256,
				campaign.getClosedAt(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
		trail.record(ReviewItem.SYSTEM_ACTOR, "REVIEW_REPORT_STORED", "ReviewCampaign", campaignId.toString(),
				Map.of("format", format.name(), "fileName", fileName, "sha256", sha256, "sizeBytes", content.length,
						"evidenceDate", String.valueOf(campaign.getClosedAt())));
		return report;
	}

	@Transactional(readOnly = true)
	public Optional<ReviewReport> latest(CampaignId campaignId, ReviewReport.Format format) {
		return reports.findFirstByCampaignIdAndFormatOrderByGeneratedAtDesc(campaignId, format);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

}
