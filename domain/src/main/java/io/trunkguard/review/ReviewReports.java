package io.trunkguard.review;

import org.springframework.data.repository.Repository;

import java.util.Optional;
import java.util.UUID;

/** Repository of stored campaign reports (append only). */
public interface ReviewReports extends Repository<ReviewReport, UUID> {

	ReviewReport save(ReviewReport report);

	Optional<ReviewReport> findFirstByCampaignIdAndFormatOrderByGeneratedAtDesc(CampaignId campaignId,
			ReviewReport.Format format);

	long countByCampaignId(CampaignId campaignId);

}
