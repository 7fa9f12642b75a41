package io.trunkguard.review;

import io.trunkguard.shared.NotFoundException;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Repository of {@link ReviewCampaign} aggregates. Campaigns are never deleted: they are
 * evidence.
 */
public interface ReviewCampaigns extends Repository<ReviewCampaign, CampaignId> {

	ReviewCampaign save(ReviewCampaign campaign);

	ReviewCampaign saveAndFlush(ReviewCampaign campaign);

	Optional<ReviewCampaign> findById(CampaignId id);

	/** The campaign, or {@link NotFoundException}. */
	default ReviewCampaign require(CampaignId id) {
		return findById(id).orElseThrow(() -> new NotFoundException("Campaign", id));
	}

	/** The newest campaign: the previous one of the next campaign. */
	Optional<ReviewCampaign> findFirstByOrderByStartedAtDesc();

	List<ReviewCampaign> findAllByOrderByStartedAtDesc();

	List<ReviewCampaign> findByStatusOrderByStartedAtDesc(CampaignStatus status);

	long count();

}
