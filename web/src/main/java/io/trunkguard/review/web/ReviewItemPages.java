package io.trunkguard.review.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.CampaignStatus;
import io.trunkguard.review.Decision;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewDecisionService;
import io.trunkguard.review.RemediationService;
import io.trunkguard.review.ReviewDeniedException;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.security.Role;
import io.trunkguard.shared.DomainException;

/**
 * One review item: the frozen snapshot, the decision, the grant's history (granted,
 * earlier campaigns' decisions, last use), remediation and its proof files, and the
 * comments, with a form to add one. Its reviewer and those who oversee campaigns see it;
 * the reviewer and compliance leads comment.
 */
@Controller
@RequestMapping("/reviews/items/{itemId}")
class ReviewItemPages {

	private final CampaignQueryService queries;

	private final ReviewDecisionService decisions;

	private final RemediationService remediation;

	ReviewItemPages(CampaignQueryService queries, ReviewDecisionService decisions, RemediationService remediation) {
		this.queries = queries;
		this.decisions = decisions;
		this.remediation = remediation;
	}

	@GetMapping
	String item(@PathVariable ReviewItemId itemId, Authentication user, Model model) {
		return page(queries.item(itemId), user, model);
	}

	@PostMapping("/comments")
	String comment(@PathVariable ReviewItemId itemId, @RequestParam(required = false) String body, Authentication user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ReviewItem item = queries.item(itemId);
		requireViewer(item, user);
		try {
			decisions.comment(itemId, body, user.getName(), Role.COMPLIANCE_LEAD.isHeldBy(user));
			redirect.addFlashAttribute("message", "Comment added.");
			return "redirect:/reviews/items/" + itemId;
		}
		catch (ReviewDeniedException denied) {
			throw new AccessDeniedException(denied.getMessage());
		}
		catch (DomainException refusal) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", refusal.getMessage());
			model.addAttribute("draft", body);
			return page(item, user, model);
		}
	}

	/** The item's reviewer decides it from its page (as from the inbox). */
	@PostMapping("/decide")
	String decide(@PathVariable ReviewItemId itemId, @RequestParam(required = false) Decision decision,
			@RequestParam(required = false) String reducedTo, @RequestParam(required = false) String justification,
			Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ReviewItem item = queries.item(itemId);
		requireViewer(item, user);
		String error;
		if (decision == null) {
			error = "Choose keep, revoke or reduce.";
		}
		else {
			try {
				decisions.decide(List.of(itemId), decision, reducedTo, justification, user.getName());
				redirect.addFlashAttribute("message", "Decided: " + decision.name().toLowerCase() + " "
						+ item.describe() + ". You can change it until you submit your review.");
				return "redirect:/reviews/items/" + itemId;
			}
			catch (ReviewDeniedException denied) {
				throw new AccessDeniedException(denied.getMessage());
			}
			catch (DomainException | jakarta.validation.ConstraintViolationException refusal) {
				error = refusal.getMessage();
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", error);
		model.addAttribute("chosenDecision", decision);
		model.addAttribute("reducedTo", reducedTo);
		model.addAttribute("justification", justification);
		return page(item, user, model);
	}

	private String page(ReviewItem item, Authentication user, Model model) {
		requireViewer(item, user);
		model.addAttribute("item", item);
		model.addAttribute("campaign", queries.get(item.getCampaignId()));
		model.addAttribute("history", queries.history(item.getId()));
		model.addAttribute("comments", queries.comments(item.getId()));
		model.addAttribute("proofs", remediation.proofsOf(item.getId()));
		model.addAttribute("oversees", ReviewAccess.oversees(user));
		ReviewCampaign campaign = queries.get(item.getCampaignId());
		boolean reviewing = campaign.getStatus() == CampaignStatus.OPEN && campaign.getReviewsEndedAt() == null
				&& !item.isSettled();
		model.addAttribute("canDecide", reviewing && user.getName().equals(item.getReviewerUsername()));
		model.addAttribute("canReassign", reviewing && ReviewAccess.runs(user));
		model.addAttribute("decisions", Decision.values());
		model.addAttribute("canComment",
				Role.COMPLIANCE_LEAD.isHeldBy(user) || user.getName().equals(item.getReviewerUsername()));
		return "review/item";
	}

	private static void requireViewer(ReviewItem item, Authentication user) {
		if (!ReviewAccess.oversees(user) && !user.getName().equals(item.getReviewerUsername())) {
			throw new AccessDeniedException("the item " + item.getId() + " is not assigned to " + user.getName());
		}
	}

}
