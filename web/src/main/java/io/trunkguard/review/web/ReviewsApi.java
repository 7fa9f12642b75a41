package io.trunkguard.review.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.trunkguard.access.SystemId;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLauncher;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewDecisionService;
import io.trunkguard.review.Decision;
import io.trunkguard.review.InboxFilter;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewFlag;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.UnansweredRule;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.web.PageResponse;

/**
 * The access review REST API. Reviewers see and decide only their own items (the domain
 * refuses others' and their own access with 403); compliance leads, auditors and admins
 * read every campaign; compliance leads and admins start campaigns; auditors change
 * nothing (refused by the URL rules).
 */
@RestController
@RequestMapping("/api/reviews")
class ReviewsApi {

	static final int MAX_INBOX_PAGE = 500;

	record StartRequest(String name, Instant deadline, UnansweredRule unansweredRule) {
	}

	record DecisionRequest(List<UUID> itemIds, Decision decision, String reducedTo, String justification) {
	}

	record SubmitResponse(int submitted) {
	}

	private final CampaignQueryService queries;

	private final ReviewDecisionService decisions;

	private final CampaignLauncher launcher;

	ReviewsApi(CampaignQueryService queries, ReviewDecisionService decisions, CampaignLauncher launcher) {
		this.queries = queries;
		this.decisions = decisions;
		this.launcher = launcher;
	}

	@GetMapping("/campaigns")
	List<CampaignResponse> campaigns(Authentication user) {
		if (ReviewAccess.oversees(user)) {
			return queries.campaigns().stream().map(c -> CampaignResponse.of(c, queries.progress(c.getId()))).toList();
		}
		return queries.campaignsOf(user.getName())
			.stream()
			.map(c -> CampaignResponse.of(c, queries.progressOf(c.getId(), user.getName())))
			.toList();
	}

	@PostMapping("/campaigns")
	ResponseEntity<CampaignResponse> start(@RequestBody StartRequest request, Authentication user) {
		ReviewAccess.requireRunner(user);
		CampaignId id = launcher.launch(request.name(), request.deadline(), request.unansweredRule(), user.getName());
		ReviewCampaign campaign = queries.get(id);
		return ResponseEntity.created(URI.create("/api/reviews/campaigns/" + id))
			.body(CampaignResponse.of(campaign, queries.progress(id)));
	}

	@GetMapping("/campaigns/{id}")
	CampaignResponse campaign(@PathVariable CampaignId id, Authentication user) {
		ReviewCampaign campaign = queries.get(id);
		if (ReviewAccess.oversees(user)) {
			return CampaignResponse.of(campaign, queries.progress(id));
		}
		if (queries.campaignsOf(user.getName()).contains(campaign)) {
			return CampaignResponse.of(campaign, queries.progressOf(id, user.getName()));
		}
		throw new AccessDeniedException("not a reviewer in this campaign");
	}

	@GetMapping("/campaigns/{id}/items")
	PageResponse<ItemResponse> items(@PathVariable CampaignId id, @RequestParam(required = false) String reviewer,
			@RequestParam(required = false) String q, @RequestParam(required = false) ReviewFlag flag,
			@RequestParam(required = false) Boolean undecided, @RequestParam(required = false) SystemId system,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
			Authentication user) {
		String whose = user.getName();
		if (reviewer != null && !reviewer.equals(whose)) {
			ReviewAccess.requireOversight(user);
			whose = reviewer;
		}
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_INBOX_PAGE),
				Sort.by("systemName", "personName", "entitlement"));
		return PageResponse.of(queries.inbox(id, whose, new InboxFilter(q, flag, undecided, system), request),
				ItemResponse::of);
	}

	@GetMapping("/items/{id}")
	ItemResponse item(@PathVariable ReviewItemId id, Authentication user) {
		ReviewItem item = queries.item(id);
		if (!item.getReviewerUsername().equals(user.getName()) && !ReviewAccess.oversees(user)) {
			throw new AccessDeniedException("the item is routed to another reviewer");
		}
		return ItemResponse.of(item);
	}

	@PostMapping("/decisions")
	List<ItemResponse> decide(@RequestBody DecisionRequest request, Authentication user) {
		if (request.itemIds() == null || request.itemIds().isEmpty()) {
			throw new InvalidInputException("review.items-required", "choose at least one item",
					Map.of("itemIds", "required"));
		}
		if (request.decision() == null) {
			throw new InvalidInputException("item.decision-required", "a decision (KEEP, REVOKE or REDUCE) is required",
					Map.of("decision", "required"));
		}
		List<ReviewItemId> ids = request.itemIds().stream().map(ReviewItemId::new).toList();
		return decisions.decide(ids, request.decision(), request.reducedTo(), request.justification(), user.getName())
			.stream()
			.map(ItemResponse::of)
			.toList();
	}

	@PostMapping("/campaigns/{id}/submit")
	SubmitResponse submit(@PathVariable CampaignId id, Authentication user) {
		return new SubmitResponse(decisions.submit(id, user.getName()));
	}

}
