package io.trunkguard.review;

import io.trunkguard.people.PersonId;
import io.trunkguard.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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

	/** Items by system, then holder, then role. */
	Sort BY_SYSTEM = Sort.by("grant.systemName", "grant.personName", "grant.entitlement");

	/** Items by holder, then system, then role. */
	Sort BY_PERSON = Sort.by("grant.personName", "grant.systemName", "grant.entitlement");

	ReviewItem save(ReviewItem item);

	List<ReviewItem> saveAll(Iterable<ReviewItem> items);

	Optional<ReviewItem> findById(ReviewItemId id);

	/** The item, or {@link NotFoundException}. */
	default ReviewItem require(ReviewItemId id) {
		return findById(id).orElseThrow(() -> new NotFoundException("ReviewItem", id));
	}

	List<ReviewItem> findByIdIn(Collection<ReviewItemId> ids);

	/**
	 * The items with these ids that exist. One id (a reviewer's single decision) is
	 * loaded by its key, without a query: Hibernate translates a query with a list
	 * parameter anew on every call, which was a fifth of a single decision's CPU
	 * (docs/performance.md, durable writes).
	 */
	default List<ReviewItem> findByIds(Collection<ReviewItemId> ids) {
		if (ids.size() == 1) {
			return findById(ids.iterator().next()).map(List::of).orElse(List.of());
		}
		return findByIdIn(ids);
	}

	List<ReviewItem> findByCampaignId(CampaignId campaignId);

	Page<ReviewItem> findByCampaignId(CampaignId campaignId, Pageable pageable);

	Page<ReviewItem> findByCampaignIdAndReviewerUsername(CampaignId campaignId, String reviewerUsername,
			Pageable pageable);

	List<ReviewItem> findByCampaignIdAndReviewerUsernameAndClosureIsNull(CampaignId campaignId,
			String reviewerUsername);

	List<ReviewItem> findByCampaignIdAndClosureIsNull(CampaignId campaignId);

	@Query("select i from ReviewItem i where i.campaignId = :campaign and i.remediation.status = :status order by i.grant.systemName")
	List<ReviewItem> findByCampaignIdAndRemediationStatusOrderBySystemName(@Param("campaign") CampaignId campaignId,
			@Param("status") RemediationStatus status);

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
			where i.campaignId = :campaign and i.grant.personId = :person
			  and (i.reviewerId = :person or i.decision.decidedBy = :username)
			""")
	long countOwnAccessReviewedBy(@Param("campaign") CampaignId campaignId, @Param("person") PersonId person,
			@Param("username") String username);

	@Query("""
			select new io.trunkguard.review.CampaignProgress(count(i),
			    sum(case when i.decision.choice is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediation.status = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign
			""")
	CampaignProgress progress(@Param("campaign") CampaignId campaignId);

	@Query("""
			select new io.trunkguard.review.CampaignProgress(count(i),
			    sum(case when i.decision.choice is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediation.status = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign and i.reviewerUsername = :reviewer
			""")
	CampaignProgress progressOf(@Param("campaign") CampaignId campaignId, @Param("reviewer") String reviewerUsername);

	@Query("""
			select new io.trunkguard.review.ProgressRow(i.reviewerUsername, count(i),
			    sum(case when i.decision.choice is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediation.status = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end),
			    sum(case when i.decision.choice is not null and i.decision.choice <> io.trunkguard.review.Decision.KEEP then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign
			group by i.reviewerUsername order by i.reviewerUsername
			""")
	List<ProgressRow> progressByReviewer(@Param("campaign") CampaignId campaignId);

	@Query("""
			select new io.trunkguard.review.ProgressRow(i.grant.systemName, count(i),
			    sum(case when i.decision.choice is not null then 1 else 0 end),
			    sum(case when i.closure is not null then 1 else 0 end),
			    sum(case when i.remediation.status = io.trunkguard.review.RemediationStatus.PENDING then 1 else 0 end),
			    sum(case when i.decision.choice is not null and i.decision.choice <> io.trunkguard.review.Decision.KEEP then 1 else 0 end))
			from ReviewItem i where i.campaignId = :campaign
			group by i.grant.systemName order by i.grant.systemName
			""")
	List<ProgressRow> progressBySystem(@Param("campaign") CampaignId campaignId);

	@Query("select distinct i.campaignId from ReviewItem i where i.reviewerUsername = :reviewer")
	List<CampaignId> findCampaignIdsByReviewer(@Param("reviewer") String reviewerUsername);

	@Query("select i from ReviewItem i where i.grant.grantId = :grant")
	List<ReviewItem> findByGrantId(@Param("grant") io.trunkguard.access.GrantId grantId);

	/** Revocations waiting for a person to remove access by hand, on every system. */
	@Query("""
			select i from ReviewItem i
			where i.remediation.status = io.trunkguard.review.RemediationStatus.PENDING
			  and (i.grant.connector = io.trunkguard.access.ConnectorType.MANUAL or i.remediation.manualReason is not null)
			order by i.grant.systemName, i.grant.personName, i.grant.entitlement
			""")
	List<ReviewItem> findManualRemediations();

	/**
	 * Revocations waiting for {@code owner} to remove access by hand on the systems they
	 * own.
	 */
	@Query("""
			select i from ReviewItem i
			where i.remediation.status = io.trunkguard.review.RemediationStatus.PENDING
			  and (i.grant.connector = io.trunkguard.access.ConnectorType.MANUAL or i.remediation.manualReason is not null)
			  and i.grant.systemOwnerId = :owner
			order by i.grant.systemName, i.grant.personName, i.grant.entitlement
			""")
	List<ReviewItem> findManualRemediationsOwnedBy(@Param("owner") PersonId owner);

	/** Unsubmitted items of {@code reviewer} in the campaign on one system. */
	@Query("""
			select i from ReviewItem i
			where i.campaignId = :campaign and i.reviewerUsername = :reviewer and i.closure is null
			  and i.grant.systemId = :system
			""")
	List<ReviewItem> findOpenOfReviewerOnSystem(@Param("campaign") CampaignId campaignId,
			@Param("reviewer") String reviewerUsername, @Param("system") io.trunkguard.access.SystemId systemId);

	/** Revocations waiting for a connector to remove access (no person needed). */
	@Query("""
			select i from ReviewItem i
			where i.remediation.status = io.trunkguard.review.RemediationStatus.PENDING
			  and i.grant.connector <> io.trunkguard.access.ConnectorType.MANUAL and i.remediation.manualReason is null
			order by i.grant.systemName, i.grant.personName, i.grant.entitlement
			""")
	List<ReviewItem> findAutomaticRemediations();

	@Query("""
			select new io.trunkguard.review.ReviewerSystem(i.reviewerUsername, i.grant.systemId, i.grant.systemName, count(i))
			from ReviewItem i where i.campaignId = :campaign and i.closure is null
			group by i.reviewerUsername, i.grant.systemId, i.grant.systemName
			order by i.reviewerUsername, i.grant.systemName
			""")
	List<ReviewerSystem> openSystemsByReviewer(@Param("campaign") CampaignId campaignId);

}
