package io.trunkguard.review;

import io.trunkguard.access.AccessService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Service
@Validated
@Transactional(readOnly = true)
class DefaultCampaignQueryService implements CampaignQueryService {

	private final ReviewCampaigns campaigns;

	private final ReviewItems items;

	private final ReviewComments comments;

	private final AccessService access;

	DefaultCampaignQueryService(ReviewCampaigns campaigns, ReviewItems items, ReviewComments comments,
			AccessService access) {
		this.campaigns = campaigns;
		this.items = items;
		this.comments = comments;
		this.access = access;
	}

	@Override
	public ReviewCampaign get(CampaignId id) {
		return campaigns.require(id);
	}

	@Override
	public List<ReviewCampaign> campaigns() {
		return campaigns.findAllByOrderByStartedAtDesc();
	}

	@Override
	public List<ReviewCampaign> campaignsOf(String reviewer) {
		Set<CampaignId> ids = new HashSet<>(items.findCampaignIdsByReviewer(reviewer));
		return campaigns.findAllByOrderByStartedAtDesc().stream().filter(c -> ids.contains(c.getId())).toList();
	}

	@Override
	public List<String> reviewers(CampaignId id) {
		campaigns.require(id);
		return items.findReviewerUsernames(id);
	}

	@Override
	public CampaignProgress progress(CampaignId id) {
		campaigns.require(id);
		return items.progress(id);
	}

	@Override
	public CampaignProgress progressOf(CampaignId id, String reviewer) {
		campaigns.require(id);
		return items.progressOf(id, reviewer);
	}

	@Override
	public List<ProgressRow> progressByReviewer(CampaignId id) {
		campaigns.require(id);
		return items.progressByReviewer(id);
	}

	@Override
	public List<ProgressRow> progressBySystem(CampaignId id) {
		campaigns.require(id);
		return items.progressBySystem(id);
	}

	@Override
	public List<ReviewerSystem> openSystemsByReviewer(CampaignId id) {
		campaigns.require(id);
		return items.openSystemsByReviewer(id);
	}

	@Override
	public Page<ReviewItem> itemsOf(CampaignId id, String reviewer, Pageable pageable) {
		campaigns.require(id);
		return items.findByCampaignIdAndReviewerUsername(id, reviewer, pageable);
	}

	@Override
	public Page<ReviewItem> inbox(CampaignId id, String reviewer, InboxFilter filter, Pageable pageable) {
		campaigns.require(id);
		return items.findAll(InboxSpecification.of(id, reviewer, filter), pageable);
	}

	@Override
	public ReviewItem item(ReviewItemId id) {
		return items.require(id);
	}

	@Override
	public GrantHistory history(ReviewItemId itemId) {
		ReviewItem item = items.require(itemId);
		Map<CampaignId, ReviewCampaign> byId = new HashMap<>();
		List<GrantHistory.PastDecision> past = items.findByGrantId(item.getGrantId())
			.stream()
			.filter(other -> !other.getId().equals(itemId))
			.map(other -> {
				ReviewCampaign c = byId.computeIfAbsent(other.getCampaignId(), campaigns::require);
				return new GrantHistory.PastDecision(other.getId(), c.getId(), c.getName(), c.getStartedAt(),
						other.getDecision(), other.getReducedTo(), other.getJustification(), other.getDecidedBy(),
						other.getDecidedAt(), other.getClosure(), other.getRemediationStatus());
			})
			.sorted(Comparator.comparing(GrantHistory.PastDecision::campaignStartedAt).reversed())
			.toList();
		return new GrantHistory(access.getGrant(item.getGrantId()), past);
	}

	@Override
	public List<ReviewComment> comments(ReviewItemId itemId) {
		items.require(itemId);
		return comments.findByItemIdOrderByCreatedAt(itemId);
	}

}
