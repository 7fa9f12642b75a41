package io.trunkguard.review;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.shared.InvalidStateException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps generated campaign reports in the file store as CC6.1 evidence items dated the
 * campaign's close (with their SHA-256, recorded in the audit trail), and hands out the
 * latest one of a format.
 */
@Service
@Transactional
public class CampaignReportArchive {

	private final ReviewReports reports;

	private final ReviewCampaigns campaigns;

	private final AuditTrail trail;

	private final EvidenceService evidence;

	private final FileStore files;

	private final Clock clock;

	CampaignReportArchive(ReviewReports reports, ReviewCampaigns campaigns, AuditTrail trail, EvidenceService evidence,
			FileStore files, ObjectProvider<Clock> clock) {
		this.reports = reports;
		this.evidence = evidence;
		this.files = files;
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
					"Only a signed-off campaign's report is kept as evidence.");
		}
		String fileName = "access-review-" + campaign.getPeriod() + "-" + campaignId.toString().substring(0, 8) + "."
				+ format.extension();
		LocalDate closed = campaign.getClosedAt().atOffset(ZoneOffset.UTC).toLocalDate();
		EvidenceItem item = evidence.store(content, fileName,
				new EvidenceDraft("Access review report " + campaign.getPeriod() + " (" + format.name() + ")",
						List.of("CC6.1"), closed, closed, "ReviewCampaign", campaignId.toString()),
				ReviewItem.SYSTEM_ACTOR);
		StoredFile file = files.get(item.getFileId());
		String sha256 = file.getSha256();
		ReviewReport report = reports.save(new ReviewReport(campaignId, format, file, campaign.getClosedAt(),
				clock.instant().truncatedTo(ChronoUnit.MICROS)));
		trail.record(ReviewItem.SYSTEM_ACTOR, "REVIEW_REPORT_STORED", "ReviewCampaign", campaignId.toString(),
				Map.of("format", format.name(), "fileName", fileName, "sha256", sha256, "sizeBytes", content.length,
						"evidenceDate", String.valueOf(campaign.getClosedAt())));
		return report;
	}

	@Transactional(readOnly = true)
	public Optional<ReviewReport> latest(CampaignId campaignId, ReviewReport.Format format) {
		return reports.findFirstByCampaignIdAndFormatOrderByGeneratedAtDesc(campaignId, format);
	}

}
