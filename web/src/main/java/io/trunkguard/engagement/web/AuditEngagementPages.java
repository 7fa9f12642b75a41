package io.trunkguard.engagement.web;

import io.trunkguard.engagement.AuditDraft;
import io.trunkguard.engagement.AuditEngagement;
import io.trunkguard.engagement.AuditEngagementId;
import io.trunkguard.engagement.AuditEngagementService;
import io.trunkguard.engagement.AuditPopulation;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.shared.DomainException;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Audits: the list (an auditor sees only the audits assigned to them), the compliance
 * lead's create and edit form, and the auditor's period view with its flags, answers and
 * population downloads.
 */
@Controller
class AuditEngagementPages {

	/** The form's fields as typed. */
	record AuditForm(String name, String from, String to, List<String> criteria, String auditors, Long version) {

		static AuditForm of(AuditEngagement audit) {
			return new AuditForm(audit.getName(), audit.getPeriodFrom().toString(), audit.getPeriodTo().toString(),
					audit.getCriteria(), String.join(", ", audit.getAuditors()), audit.getVersion());
		}

		AuditDraft draft() {
			return new AuditDraft(name, day(from, "from"), day(to, "to"), criteria == null ? List.of() : criteria,
					auditors == null ? List.of() : Arrays.asList(auditors.split("[,;\\s]+")));
		}

		private static LocalDate day(String text, String field) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException e) {
				throw new InvalidInputException("audit.period-invalid",
						"'" + text.strip() + "' is not a day: write it as 2026-12-31",
						java.util.Map.of(field, "not a day"));
			}
		}
	}

	private final AuditEngagementService audits;

	private final AuditScope scope;

	private final EvidenceService evidence;

	private final PopulationDownloads downloads;

	private final Clock clock;

	AuditEngagementPages(AuditEngagementService audits, AuditScope scope, EvidenceService evidence,
			PopulationDownloads downloads, ObjectProvider<Clock> clock) {
		this.audits = audits;
		this.scope = scope;
		this.evidence = evidence;
		this.downloads = downloads;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/audits")
	String list(Authentication user, Model model) {
		model.addAttribute("audits", scope.visibleTo(user));
		model.addAttribute("seesAll", AuditScope.seesAll(user));
		return "audits/list";
	}

	@GetMapping("/audits/new")
	String newForm(Model model) {
		int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
		return form(new AuditForm("", year + "-01-01", year + "-12-31", AuditEngagementService.CRITERIA, "", null),
				null, null, model);
	}

	@PostMapping("/audits")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) List<String> criteria,
			@RequestParam(required = false) String auditors, Authentication user, Model model,
			RedirectAttributes redirect) {
		AuditForm form = new AuditForm(name, from, to, criteria, auditors, null);
		try {
			AuditEngagement audit = audits.create(form.draft(), user.getName());
			redirect.addFlashAttribute("message", "Created the audit “" + audit.getName() + "” for "
					+ String.join(", ", audit.getAuditors()) + ", written by " + user.getName() + ".");
			return "redirect:/audits/" + audit.getId();
		}
		catch (DomainException refused) {
			model.addAttribute("error", "The audit was not created: " + refused.getMessage() + ".");
			return formWithStatus(form, null, model);
		}
	}

	@GetMapping("/audits/{id}/edit")
	String editForm(@PathVariable AuditEngagementId id, Model model) {
		AuditEngagement audit = audits.get(id);
		return form(AuditForm.of(audit), audit, null, model);
	}

	@PostMapping("/audits/{id}")
	String edit(@PathVariable AuditEngagementId id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) List<String> criteria, @RequestParam(required = false) String auditors,
			@RequestParam(required = false) Long version, Authentication user, Model model,
			RedirectAttributes redirect) {
		AuditEngagement audit = audits.get(id);
		AuditForm form = new AuditForm(name, from, to, criteria, auditors, version);
		try {
			AuditEngagement saved = audits.edit(id, form.draft(), version, user.getName());
			redirect.addFlashAttribute("message", "Saved the audit “" + saved.getName() + "” (" + saved.getPeriodFrom()
					+ " to " + saved.getPeriodTo() + "), changed by " + user.getName() + ".");
			return "redirect:/audits/" + id;
		}
		catch (DomainException refused) {
			model.addAttribute("error",
					"The audit “" + audit.getName() + "” was not saved: " + refused.getMessage() + ".");
			return formWithStatus(form, audit, model);
		}
	}

	@GetMapping("/audits/{id}")
	String audit(@PathVariable AuditEngagementId id, Authentication user, Model model) {
		AuditEngagement audit = scope.get(id, user);
		model.addAttribute("view", scope.view(audit));
		model.addAttribute("populations", AuditPopulation.values());
		model.addAttribute("packLink", "/api/evidence-packs?criteria=" + String.join(",", audit.getCriteria())
				+ "&from=" + audit.getPeriodFrom() + "&to=" + audit.getPeriodTo());
		return "audits/audit";
	}

	@PostMapping("/audits/{id}/evidence/{itemId}/flag")
	String flag(@PathVariable AuditEngagementId id, @PathVariable UUID itemId,
			@RequestParam(required = false) String comment, Authentication user, RedirectAttributes redirect) {
		AuditEngagement audit = scope.get(id, user);
		EvidenceItem item = scope.evidenceOf(audit, itemId);
		scope.requireFlaggableIn(audit, item, user);
		try {
			evidence.flag(item.getId(), comment, user.getName());
			redirect.addFlashAttribute("message", "You (" + user.getName() + ") flagged “" + item.getTitle()
					+ "” for the audit “" + audit.getName() + "”; its owner " + item.getOwner() + " will answer.");
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error",
					"“" + item.getTitle() + "” was not flagged: " + refused.getMessage() + ".");
		}
		return "redirect:/audits/" + id + "#evidence-" + itemId;
	}

	@PostMapping("/audits/{id}/evidence/{itemId}/answer")
	String answer(@PathVariable AuditEngagementId id, @PathVariable UUID itemId,
			@RequestParam(required = false) String answer, Authentication user, RedirectAttributes redirect) {
		AuditEngagement audit = scope.get(id, user);
		EvidenceItem item = scope.evidenceOf(audit, itemId);
		try {
			evidence.answerFlag(item.getId(), answer, user.getName());
			redirect.addFlashAttribute("message", "You (" + user.getName() + ") answered the auditor's flag on “"
					+ item.getTitle() + "”; it is ready again.");
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error",
					"The flag on “" + item.getTitle() + "” was not answered: " + refused.getMessage() + ".");
		}
		return "redirect:/audits/" + id + "#evidence-" + itemId;
	}

	@GetMapping("/audits/{id}/populations/{population}.csv")
	ResponseEntity<StreamingResponseBody> csv(@PathVariable AuditEngagementId id, @PathVariable String population,
			Authentication user) {
		return downloads.download(scope.get(id, user), population, "csv", user);
	}

	@GetMapping("/audits/{id}/populations/{population}.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@PathVariable AuditEngagementId id, @PathVariable String population,
			Authentication user) {
		return downloads.download(scope.get(id, user), population, "xlsx", user);
	}

	private String formWithStatus(AuditForm form, AuditEngagement audit, Model model) {
		return form(form, audit, (String) model.getAttribute("error"), model);
	}

	private String form(AuditForm form, AuditEngagement audit, String error, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("audit", audit);
		model.addAttribute("allCriteria", AuditEngagementService.CRITERIA);
		if (error != null) {
			model.addAttribute("error", error);
		}
		return "audits/form";
	}

}
