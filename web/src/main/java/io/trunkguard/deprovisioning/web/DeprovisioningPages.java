package io.trunkguard.deprovisioning.web;

import io.trunkguard.deprovisioning.Durations;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningLogArchive;
import io.trunkguard.deprovisioning.DeprovisioningOverview;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;
import io.trunkguard.deprovisioning.DeprovisioningTask;
import io.trunkguard.deprovisioning.DeprovisioningTasks;
import io.trunkguard.deprovisioning.GrantRemoval;
import io.trunkguard.deprovisioning.SlaClock;
import io.trunkguard.deprovisioning.Step;
import io.trunkguard.deprovisioning.StepKind;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import io.trunkguard.shared.DomainException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compliance lead's deprovisioning pages (auditors and admins read them too): open
 * cases with their SLA clock, overdue first, then the closed cases of a period with its
 * figures and chart; and a case with every step.
 */
@Controller
@RequestMapping("/deprovisioning")
class DeprovisioningPages {

	private final DeprovisioningOverview overview;

	private final DeprovisioningService deprovisioning;

	private final DeprovisioningTasks tasks;

	private final DeprovisioningLogArchive archive;

	private final CaseNames names;

	private final Clock clock;

	DeprovisioningPages(DeprovisioningOverview overview, DeprovisioningService deprovisioning,
			DeprovisioningTasks tasks, DeprovisioningLogArchive archive, CaseNames names, ObjectProvider<Clock> clock) {
		this.overview = overview;
		this.names = names;
		this.deprovisioning = deprovisioning;
		this.tasks = tasks;
		this.archive = archive;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** An open case on the list: its SLA clock in words. */
	record OpenRow(DeprovisioningCase c, String leaver, Instant slaDueAt, boolean overdue, String clock) {

		static OpenRow of(SlaClock clock, Map<DeprovisioningCaseId, String> leavers) {
			DeprovisioningCase c = clock.deprovisioningCase();
			return new OpenRow(c, leavers.get(c.getId()), clock.slaDueAt(), clock.overdue(), clock.overdue()
					? "overdue by " + Durations.human(clock.overdueBy()) : Durations.human(clock.left()) + " left");
		}
	}

	/** A closed case on the list. */
	record ClosedRow(DeprovisioningCase c, String leaver, String timeToDeprovision) {
	}

	@GetMapping
	String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		DeprovisioningPeriod period;
		try {
			period = period(from, to, clock);
		}
		catch (InvalidInputException e) {
			model.addAttribute("periodError", e.getMessage());
			period = DeprovisioningPeriod.quarterOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		}
		List<DeprovisioningCase> ofPeriod = overview.casesOf(period);
		DeprovisioningStatistics statistics = DeprovisioningStatistics.of(ofPeriod);
		model.addAttribute("period", period);
		List<SlaClock> open = overview.openCases();
		List<DeprovisioningCase> closed = overview.closedCasesOf(period);
		Map<DeprovisioningCaseId, String> leavers = names.leaversWithHrIds(
				java.util.stream.Stream.concat(open.stream().map(SlaClock::deprovisioningCase), closed.stream())
					.toList());
		model.addAttribute("openRows", open.stream().map(clock -> OpenRow.of(clock, leavers)).toList());
		model.addAttribute("closedRows", closed.stream()
			.map(c -> new ClosedRow(c, leavers.get(c.getId()), Durations.human(c.timeToDeprovision().orElse(null))))
			.toList());
		model.addAttribute("statistics", statistics);
		model.addAttribute("median", statistics.median().map(Durations::human).orElse("–"));
		model.addAttribute("p95", statistics.p95().map(Durations::human).orElse("–"));
		model.addAttribute("slaMetPercent",
				statistics.slaMetPercent().map(p -> String.format(java.util.Locale.ROOT, "%.1f %%", p)).orElse("–"));
		model.addAttribute("chart", TimeToDeprovisionChart.svg(ofPeriod, period, overview.defaultSla()));
		model.addAttribute("evidence", archive.recent());
		model.addAttribute("identityProvider", deprovisioning.identityProviderName().orElse(null));
		return "deprovisioning/list";
	}

	/** A removal still to do on an open case. */
	record PendingRow(GrantRemoval removal, String route, String clock, boolean overdue) {
	}

	/** An access removed: the step, the time from the HR event, SLA met or missed. */
	record RemovalRow(Step step, String after, Boolean slaMet) {
	}

	@GetMapping("/{id}")
	String detail(@PathVariable DeprovisioningCaseId id, Authentication user, Model model) {
		DeprovisioningCase c = deprovisioning.get(id);
		Set<String> roles = DeprovisioningTaskPages.roles(user);
		boolean reader = roles.contains("compliance-lead") || roles.contains("auditor") || roles.contains("admin");
		if (!reader && tasks.tasksOf(user.getName(), roles).stream().noneMatch(t -> t.caseId().equals(c.getId()))) {
			throw new AccessDeniedException(
					"Only compliance leads, auditors, admins and the holders of its tasks read a deprovisioning case.");
		}
		Instant now = clock.instant();
		model.addAttribute("c", c);
		model.addAttribute("steps",
				c.getSteps()
					.stream()
					.map(s -> new RemovalRow(s, Durations.human(s.after(c.getEffectiveAt())),
							s.getSlaDueAt() == null ? null : s.metSla()))
					.toList());
		model.addAttribute("removals",
				c.getSteps()
					.stream()
					.filter(s -> s.getKind() == StepKind.GRANT_REVOKED)
					.map(s -> new RemovalRow(s, Durations.human(s.after(c.getEffectiveAt())), s.metSla()))
					.toList());
		model
			.addAttribute("pending", c.isOpen() ? deprovisioning.grantsToRemove(c.getId())
				.stream()
				.map(r -> new PendingRow(r,
						r.automatic() ? "automatic (" + r.connector() + " connector)" : "by the system owner "
								+ (r.ownerUsername() == null ? "(no login: compliance lead)" : r.ownerUsername()),
						now.isAfter(r.slaDueAt()) ? "overdue by " + Durations.human(Duration.between(r.slaDueAt(), now))
								: Durations.human(Duration.between(now, r.slaDueAt())) + " left",
						now.isAfter(r.slaDueAt())))
				.toList() : List.of());
		model.addAttribute("timeToDeprovision", c.timeToDeprovision().map(Durations::human).orElse(null));
		List<DeprovisioningTask> openTasks = tasks.tasksOf(user.getName(), DeprovisioningTaskPages.roles(user))
			.stream()
			.filter(t -> t.caseId().equals(c.getId()))
			.toList();
		model.addAttribute("myTasks", openTasks);
		List<io.trunkguard.deprovisioning.RemovalProof> proofs = tasks.proofsOf(c.getId());
		model.addAttribute("proofs", proofs);
		Map<java.util.UUID, String> proofSystems = new java.util.HashMap<>();
		for (io.trunkguard.deprovisioning.RemovalProof proof : proofs) {
			proofSystems.put(proof.getId(),
					c.getSteps()
						.stream()
						.filter(s -> proof.getGrantId() != null && proof.getGrantId().equals(s.getGrantId()))
						.map(Step::getSystemName)
						.findFirst()
						.orElse("the investigation"));
		}
		model.addAttribute("proofSystems", proofSystems);
		return "deprovisioning/case";
	}

	/**
	 * A second compliance lead or an admin lets the held disabling of a privileged login
	 * go ahead; refused (with the reason on the case page) for the person themselves and
	 * for whoever started the deprovisioning.
	 */
	@PostMapping("/{id}/approve-disable")
	String approveDisable(@PathVariable("id") DeprovisioningCaseId caseId, Authentication user,
			RedirectAttributes redirect) {
		try {
			deprovisioning.approveAccountDisable(caseId, user.getName());
			redirect.addFlashAttribute("message", "The login is disabled, approved by " + user.getName() + ".");
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/deprovisioning/" + caseId;
	}

	/**
	 * The period from the request's {@code from}/{@code to} (ISO days), the current
	 * quarter if both are absent.
	 */
	static DeprovisioningPeriod period(String from, String to, Clock clock) {
		if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
			return DeprovisioningPeriod.quarterOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		}
		return new DeprovisioningPeriod(day(from, "from"), day(to, "to"));
	}

	private static LocalDate day(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("deprovisioning.period",
					"'" + text + "' is not a day (yyyy-mm-dd) for " + field, java.util.Map.of(field, "yyyy-mm-dd"));
		}
	}

}
