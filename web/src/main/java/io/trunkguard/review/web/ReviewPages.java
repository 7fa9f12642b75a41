package io.trunkguard.review.web;

import io.trunkguard.review.ReviewDeniedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLauncher;
import io.trunkguard.review.CampaignProgress;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewDecisionService;
import io.trunkguard.review.ReviewReminderService;
import io.trunkguard.review.CampaignStatus;
import io.trunkguard.review.Decision;
import io.trunkguard.review.InboxFilter;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewFlag;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItems;
import io.trunkguard.review.UnansweredRule;
import io.trunkguard.review.ProgressRow;
import io.trunkguard.review.Reassignment;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.ReviewerSystem;
import io.trunkguard.shared.DomainException;
import io.trunkguard.web.FormErrors;

/**
 * Access review pages: the campaign list (everyone sees the campaigns they review in;
 * compliance leads, auditors and admins see all), starting a campaign, a campaign's
 * progress and sign-off, and the reviewer's inbox with filters, grouping, bulk decisions
 * and submission. Plain forms with CSRF tokens: no JavaScript needed.
 */
@Controller
@RequestMapping("/reviews")
class ReviewPages {

	/**
	 * An inbox shows up to this many items on one page (a large share of a campaign stays
	 * workable).
	 */
	static final int INBOX_PAGE = 500;

	private final CampaignLifecycleService lifecycle;

	private final CampaignQueryService queries;

	private final ReviewDecisionService decisions;

	private final ReviewReminderService reminders;

	private final CampaignLauncher launcher;

	private final Clock clock;

	ReviewPages(CampaignLifecycleService lifecycle, CampaignQueryService queries, ReviewDecisionService decisions,
			ReviewReminderService reminders, CampaignLauncher launcher, ObjectProvider<Clock> clock,
			ReviewProblems refusals) {
		this.refusals = refusals;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.decisions = decisions;
		this.reminders = reminders;
		this.launcher = launcher;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	private final ReviewProblems refusals;

	@GetMapping
	String list(Authentication user, Model model) {
		List<CampaignRow> rows;
		if (ReviewAccess.oversees(user)) {
			rows = queries.campaigns().stream().map(c -> new CampaignRow(c, queries.progress(c.getId()))).toList();
		}
		else {
			rows = queries.campaignsOf(user.getName())
				.stream()
				.map(c -> new CampaignRow(c, queries.progressOf(c.getId(), user.getName())))
				.toList();
		}
		model.addAttribute("rows", rows);
		model.addAttribute("oversees", ReviewAccess.oversees(user));
		model.addAttribute("runs", ReviewAccess.runs(user));
		return "review/campaigns";
	}

	@GetMapping("/new")
	String newCampaign(Authentication user, Model model) {
		ReviewAccess.requireRunner(user);
		StartCampaignForm form = new StartCampaignForm();
		LocalDate today = LocalDate.now(clock);
		form.setName("Access review " + today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
		form.setDeadline(today.plusDays(21));
		return startForm(form, model);
	}

	@PostMapping
	String start(@ModelAttribute("form") StartCampaignForm form, BindingResult result, Authentication user, Model model,
			RedirectAttributes redirect) {
		ReviewAccess.requireRunner(user);
		if (form.getDeadline() == null) {
			result.rejectValue("deadline", "required", "Choose the deadline.");
			return startForm(form, model);
		}
		try {
			Instant deadline = form.getDeadline().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
			CampaignId id = launcher.launch(form.getName(), deadline, form.getUnansweredRule(), form.getOverlapReason(),
					user.getName());
			ReviewCampaign started = queries.get(id);
			redirect.addFlashAttribute("message",
					"Campaign started: " + started.getItemCount() + " grants frozen for review.");
			return "redirect:/reviews/" + id;
		}
		catch (DomainException | ConstraintViolationException refusal) {
			FormErrors.reject(refusal, result);
			return startForm(form, model);
		}
	}

	private String startForm(StartCampaignForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("rules", UnansweredRule.values());
		return "review/start";
	}

	@GetMapping("/{id}")
	String campaign(@PathVariable CampaignId id, Authentication user, Model model) {
		ReviewCampaign campaign = queries.get(id);
		if (!ReviewAccess.oversees(user)) {
			// a reviewer's view of a campaign is their inbox
			return "redirect:/reviews/" + id + "/inbox";
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("progress", queries.progress(id));
		model.addAttribute("byReviewer", queries.progressByReviewer(id));
		model.addAttribute("bySystem", queries.progressBySystem(id));
		model.addAttribute("canSignOff", ReviewAccess.signsOff(user) && campaign.getStatus() == CampaignStatus.CLOSED);
		boolean reviewing = campaign.getStatus() == CampaignStatus.OPEN && campaign.getReviewsEndedAt() == null;
		model.addAttribute("canRemind", ReviewAccess.runs(user) && reviewing);
		model.addAttribute("canEndEarly", ReviewAccess.signsOff(user) && reviewing);
		Map<String, List<ReviewerSystem>> systems = new LinkedHashMap<>();
		if (reviewing) {
			for (ReviewerSystem open : queries.openSystemsByReviewer(id)) {
				systems.computeIfAbsent(open.reviewer(), k -> new ArrayList<>()).add(open);
			}
		}
		model.addAttribute("openSystems", systems);
		model.addAttribute("reviewerChart", ProgressChart.of(queries.progressByReviewer(id)));
		model.addAttribute("systemChart", ProgressChart.of(queries.progressBySystem(id)));
		return "review/campaign";
	}

	@PostMapping("/{id}/remind")
	String remind(@PathVariable CampaignId id, @RequestParam String reviewer, Authentication user,
			RedirectAttributes redirect) {
		ReviewAccess.requireRunner(user);
		boolean sent = reminders.remind(id, reviewer, user.getName());
		redirect.addFlashAttribute("message", sent ? "Reminder sent to " + reviewer + "."
				: reviewer + " has nothing left to decide: no reminder sent.");
		return "redirect:/reviews/" + id;
	}

	/**
	 * Moves open items to another reviewer: the chosen {@code item}s, or {@code from}'s
	 * items on one {@code system}, or all of {@code from}'s open items. Items of the new
	 * reviewer's own access stay, each named in the message.
	 */
	@PostMapping("/{id}/reassign")
	String reassign(@PathVariable CampaignId id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String system,
			@RequestParam(name = "item", required = false) List<String> item,
			@RequestParam(required = false) String back, Authentication user, RedirectAttributes redirect) {
		ReviewAccess.requireRunner(user);
		boolean chosenItems = item != null && !item.isEmpty();
		try {
			if (to == null || to.isBlank() || (!chosenItems && (from == null || from.isBlank()))) {
				throw new io.trunkguard.shared.InvalidInputException("reassign.reviewer-required",
						"Say whose items to move and the username of the reviewer who takes them over.");
			}
			Reassignment done;
			if (chosenItems) {
				done = decisions.reassignItems(id, item.stream().map(ReviewItemId::of).toList(), to.strip(),
						user.getName());
			}
			else if (system != null && !system.isBlank() && !"all".equals(system)) {
				done = decisions.reassignSystem(id, from.strip(), io.trunkguard.access.SystemId.of(system), to.strip(),
						user.getName());
			}
			else {
				done = decisions.reassignAll(id, from.strip(), to.strip(), user.getName());
			}
			redirect.addFlashAttribute(done.moved() > 0 ? "message" : "error", done.describe());
		}
		catch (DomainException | ConstraintViolationException | IllegalArgumentException refusal) {
			redirect.addFlashAttribute("error", refusal instanceof IllegalArgumentException
					? "That item or system does not exist." : refusal.getMessage());
			redirect.addFlashAttribute("reassignFrom", from);
			redirect.addFlashAttribute("reassignTo", to);
		}
		if (chosenItems && item.size() == 1 && "item".equals(back)) {
			return "redirect:/reviews/items/" + ReviewItemId.of(item.get(0));
		}
		return "redirect:/reviews/" + id;
	}

	/**
	 * A compliance lead ends reviewing before the close-out, with a justification; open
	 * items follow the campaign's rule.
	 */
	@PostMapping("/{id}/end-early")
	String endEarly(@PathVariable CampaignId id, @RequestParam(required = false) String justification,
			Authentication user, RedirectAttributes redirect) {
		ReviewAccess.requireSignOff(user);
		try {
			ReviewCampaign campaign = queries.get(id);
			int settled = lifecycle.endReviewsEarly(id, justification, user.getName());
			redirect.addFlashAttribute("message",
					"Reviewing ended early. " + settled + " unanswered item(s) were "
							+ (campaign.getUnansweredRule() == UnansweredRule.REVOKE ? "revoked" : "carried over")
							+ " by the campaign's rule; the campaign goes on to remediation and sign-off.");
		}
		catch (DomainException | ConstraintViolationException refusal) {
			redirect.addFlashAttribute("error", refusal.getMessage());
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/{id}/sign-off")
	String signOff(@PathVariable CampaignId id, @RequestParam(required = false) String note, Authentication user,
			RedirectAttributes redirect) {
		ReviewAccess.requireSignOff(user);
		try {
			lifecycle.signOff(id, note, user.getName());
			redirect.addFlashAttribute("message", "The campaign is signed off; its report will be generated.");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", refusal.getMessage());
		}
		return "redirect:/reviews/" + id;
	}

	@GetMapping("/{id}/inbox")
	String inbox(@PathVariable CampaignId id, InboxQuery query, Authentication user, Model model) {
		// a malformed parameter is a bad request whatever it addresses
		InboxView view = query.view();
		ReviewCampaign campaign = queries.get(id);
		if (!ReviewAccess.oversees(user) && !queries.campaignsOf(user.getName()).contains(campaign)) {
			// like the API: a reviewer outside the campaign does not see its name or
			// deadline
			throw new AccessDeniedException("not a reviewer in this campaign");
		}
		return inbox(campaign, view, user, model);
	}

	private String inbox(ReviewCampaign campaign, InboxView view, Authentication user, Model model) {
		Sort sort = view.byPerson() ? ReviewItems.BY_PERSON : ReviewItems.BY_SYSTEM;
		Page<ReviewItem> items = queries.inbox(campaign.getId(), user.getName(), view.filter(),
				PageRequest.of(0, INBOX_PAGE, sort));
		Map<String, List<ReviewItem>> groups = new LinkedHashMap<>();
		for (ReviewItem item : items) {
			groups
				.computeIfAbsent(view.byPerson() ? item.getPersonName() : item.getSystemName(), k -> new ArrayList<>())
				.add(item);
		}
		List<ReviewItem> all = queries.inbox(campaign.getId(), user.getName(), InboxFilter.none(), PageRequest.of(0, 1))
			.getContent();
		CampaignProgress mine = queries.progressOf(campaign.getId(), user.getName());
		model.addAttribute("campaign", campaign);
		model.addAttribute("view", view);
		model.addAttribute("items", items);
		model.addAttribute("groups", groups);
		model.addAttribute("progress", mine);
		model.addAttribute("percent", mine.items() == 0 ? 100 : (int) (mine.decided() * 100 / mine.items()));
		model.addAttribute("flags", ReviewFlag.values());
		model.addAttribute("decisions", Decision.values());
		model.addAttribute("reviewing", campaign.getStatus() == CampaignStatus.OPEN
				&& campaign.getReviewsEndedAt() == null && mine.settled() < mine.items());
		model.addAttribute("hasItems", !all.isEmpty());
		long revokedByMe = queries.progressByReviewer(campaign.getId())
			.stream()
			.filter(row -> row.key().equals(user.getName()))
			.mapToLong(ProgressRow::revoked)
			.findFirst()
			.orElse(0);
		model.addAttribute("revokedCount", revokedByMe);
		return "review/inbox";
	}

	@PostMapping("/{id}/inbox/decide")
	String decide(@PathVariable CampaignId id, DecideForm form, InboxQuery query, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		ReviewCampaign campaign = queries.get(id);
		InboxView view = query.view();
		Decision decision = form.decision();
		String error = null;
		if (!form.choseSomething()) {
			error = "Select the items to decide.";
		}
		else if (decision == null) {
			error = "Choose keep, revoke or reduce.";
		}
		else {
			try {
				List<ReviewItem> decided = decisions.decide(chosen(campaign, view, form, user), decision,
						form.reducedTo(), form.justification(), user.getName());
				redirect.addFlashAttribute("message", decided.size() + " item(s) decided: "
						+ decision.name().toLowerCase() + ". You can change decisions until you submit.");
				redirect.addAllAttributes(redirectParameters(view));
				return "redirect:/reviews/" + id + "/inbox";
			}
			catch (ReviewDeniedException denied) {
				// as the API answers it: 403, audited
				refusals.record(denied, user, request);
				response.setStatus(HttpStatus.FORBIDDEN.value());
				error = denied.getMessage();
			}
			catch (DomainException | ConstraintViolationException refusal) {
				error = refusal instanceof ConstraintViolationException
						? "The decision is incomplete: " + refusal.getMessage() : refusal.getMessage();
			}
		}
		// show the inbox again with what was typed: nothing is lost
		model.addAttribute("error", error);
		model.addAttribute("selected", form.item());
		model.addAttribute("chosenDecision", decision);
		model.addAttribute("reducedTo", form.reducedTo());
		model.addAttribute("justification", form.justification());
		return inbox(campaign, view, user, model);
	}

	/**
	 * The ticked items plus, for a ticked group or "all", every unsettled item of it as
	 * the inbox shows it with the same filter.
	 */
	private List<ReviewItemId> chosen(ReviewCampaign campaign, InboxView view, DecideForm form, Authentication user) {
		java.util.Set<ReviewItemId> ids = new java.util.LinkedHashSet<>(form.itemIds());
		if (!form.group().isEmpty() || Boolean.TRUE.equals(form.all())) {
			Sort sort = view.byPerson() ? ReviewItems.BY_PERSON : ReviewItems.BY_SYSTEM;
			for (ReviewItem item : queries.inbox(campaign.getId(), user.getName(), view.filter(),
					PageRequest.of(0, INBOX_PAGE, sort))) {
				String key = view.byPerson() ? item.getPersonName() : item.getSystemName();
				if (!item.isSettled() && (Boolean.TRUE.equals(form.all()) || form.group().contains(key))) {
					ids.add(item.getId());
				}
			}
		}
		return List.copyOf(ids);
	}

	/**
	 * Before the final submit: how many items are decided and how many of them revoke or
	 * reduce access, and what stays undecided.
	 */
	@GetMapping("/{id}/inbox/submit")
	String confirmSubmit(@PathVariable CampaignId id, Authentication user, Model model) {
		ReviewCampaign campaign = queries.get(id);
		if (!ReviewAccess.oversees(user) && !queries.campaignsOf(user.getName()).contains(campaign)) {
			throw new AccessDeniedException("not a reviewer in this campaign");
		}
		CampaignProgress mine = queries.progressOf(id, user.getName());
		long revoked = queries.progressByReviewer(id)
			.stream()
			.filter(row -> row.key().equals(user.getName()))
			.mapToLong(ProgressRow::revoked)
			.findFirst()
			.orElse(0);
		model.addAttribute("campaign", campaign);
		model.addAttribute("progress", mine);
		model.addAttribute("open", mine.items() - mine.settled());
		model.addAttribute("undecided", Math.max(0, mine.items() - mine.decided()));
		model.addAttribute("revoked", revoked);
		model.addAttribute("kept", Math.max(0, mine.decided() - revoked));
		return "review/confirm-submit";
	}

	@PostMapping("/{id}/inbox/submit")
	String submit(@PathVariable CampaignId id, @RequestParam(required = false) String confirmed, Authentication user,
			RedirectAttributes redirect) {
		if (!"yes".equals(confirmed)) {
			// nothing is final without the confirmation page
			return "redirect:/reviews/" + id + "/inbox/submit";
		}
		try {
			int submitted = decisions.submit(id, user.getName());
			redirect.addFlashAttribute("message",
					"Submitted " + submitted + " decision(s). Thank you: your review is done.");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", refusal.getMessage());
		}
		return "redirect:/reviews/" + id + "/inbox";
	}

	private static Map<String, Object> redirectParameters(InboxView view) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (view.q() != null && !view.q().isBlank()) {
			parameters.put("q", view.q());
		}
		if (view.flag() != null) {
			parameters.put("flag", view.flag().name());
		}
		if (view.state() != null && !view.state().isBlank()) {
			parameters.put("state", view.state());
		}
		if (view.system() != null) {
			parameters.put("system", view.system().toString());
		}
		parameters.put("group", view.byPerson() ? "person" : "system");
		return parameters;
	}

}
