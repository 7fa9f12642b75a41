package io.trunkguard.review;

import io.trunkguard.people.PersonId;
import io.trunkguard.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Repository of {@link ReviewItem} aggregates (created in bulk when a campaign freezes
 * its scope).
 */
public interface ReviewItems extends Repository<ReviewItem, ReviewItemId>, JpaSpecificationExecutor<ReviewItem> {

	ReviewItem save(ReviewItem item);

	List<ReviewItem> saveAll(Iterable<ReviewItem> items);

	Optional<ReviewItem> findById(ReviewItemId id);

	/** The item, or {@link NotFoundException}. */
	default ReviewItem require(ReviewItemId id) {
		return findById(id).orElseThrow(() -> new NotFoundException("ReviewItem", id));
	}

	List<ReviewItem> findByIdIn(Collection<ReviewItemId> ids);

	List<ReviewItem> findByCampaignId(CampaignId campaignId);

	Page<ReviewItem> findByCampaignId(CampaignId campaignId, Pageable pageable);

	Page<ReviewItem> findByCampaignIdAndReviewerUsername(CampaignId campaignId, String reviewerUsername,
			Pageable pageable);

	List<ReviewItem> findByCampaignIdAndReviewerUsernameAndClosureIsNull(CampaignId campaignId,
			String reviewerUsername);

	List<ReviewItem> findByCampaignIdAndClosureIsNull(CampaignId campaignId);

	List<ReviewItem> findByCampaignIdAndRemediationStatusOrderBySystemName(CampaignId campaignId,
			RemediationStatus status);

	long countByCampaignId(CampaignId campaignId);

	long countByCampaignIdAndReviewerUsernameAndClosureIsNull(CampaignId campaignId, String reviewerUsername);

	@Query("select distinct i.reviewerUsername from ReviewItem i where i.campaignId = :campaign order by i.reviewerUsername")
	List<String> findReviewerUsernames(@Param("campaign") CampaignId campaignId);

	/**
	 * Items of {@code person}'s own access that they were routed or decided themselves
	 * (must be 0).
	 */
	@Query("""
			select count(i) from ReviewItem i
			where i.campaignId = :campaign and i.personId = :person
			  and (i.reviewerId = :person or i.decidedBy = :username)
			""")
	long countOwnAccessReviewedBy(@Param("campaign") CampaignId campaignId, @Param("person") PersonId person,
			@Param("username") String username);

	@Query("""
			select new io.trunkguard.review.CampaignProgress(count(i),
			    sum(case when i.decision is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediationStatus = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign
			""")
	CampaignProgress progress(@Param("campaign") CampaignId campaignId);

	@Query("""
			select new io.trunkguard.review.CampaignProgress(count(i),
			    sum(case when i.decision is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediationStatus = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign and i.reviewerUsername = :reviewer
			""")
	CampaignProgress progressOf(@Param("campaign") CampaignId campaignId, @Param("reviewer") String reviewerUsername);

	@Query("""
			select new io.trunkguard.review.ProgressRow(i.reviewerUsername, count(i),
			    sum(case when i.decision is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediationStatus = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign
			group by i.reviewerUsername order by i.reviewerUsername
			""")
	List<ProgressRow> progressByReviewer(@Param("campaign") CampaignId campaignId);

	@Query("""
			select new io.trunkguard.review.ProgressRow(i.systemName, count(i),
			    sum(case when i.decision is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediationStatus = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign
			group by i.systemName order by i.systemName
			""")
	List<ProgressRow> progressBySystem(@Param("campaign") CampaignId campaignId);

	@Query("select distinct i.campaignId from ReviewItem i where i.reviewerUsername = :reviewer")
	List<CampaignId> findCampaignIdsByReviewer(@Param("reviewer") String reviewerUsername);

	List<ReviewItem> findByGrantId(io.trunkguard.access.GrantId grantId);

	/** Revocations waiting for a person to remove access by hand, on every system. */
	@Query("""
			select i from ReviewItem i
			where i.remediationStatus = io.trunkguard.review.RemediationStatus.PENDING
			  and (i.connector = io.trunkguard.access.ConnectorType.MANUAL or i.manualRemediationReason is not null)
			order by i.systemName, i.personName, i.entitlement
			""")
	List<ReviewItem> findManualRemediations();

	/**
	 * Revocations waiting for {@code owner} to remove access by hand on the systems they
	 * own.
	 */
	@Query("""
			select i from ReviewItem i
			where i.remediationStatus = io.trunkguard.review.RemediationStatus.PENDING
			  and (i.connector = io.trunkguard.access.ConnectorType.MANUAL or i.manualRemediationReason is not null)
			  and i.systemOwnerId = :owner
			order by i.systemName, i.personName, i.entitlement
			""")
	List<ReviewItem> findManualRemediationsOwnedBy(@Param("owner") PersonId owner);

}
