package io.trunkguard.deprovisioning.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.access.AccessService;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.deprovisioning.CaseReceipt;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.DomainException;

/**
 * "Deprovision now": a compliance lead starts the same deprovisioning process as an HR
 * termination event for a leaver who still holds access, after confirming the person's
 * name. One case per person (the event id is the person's), audited.
 */
@Controller
class DeprovisionNow {

	static final String ACTION = "DEPROVISIONING_STARTED_BY_HAND";

	private final PersonService people;

	private final AccessService access;

	private final DeprovisioningService deprovisioning;

	private final AuditTrail trail;

	private final Clock clock;

	DeprovisionNow(PersonService people, AccessService access, DeprovisioningService deprovisioning, AuditTrail trail,
			ObjectProvider<Clock> clock) {
		this.people = people;
		this.access = access;
		this.deprovisioning = deprovisioning;
		this.trail = trail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@PostMapping("/deprovisioning/leavers/{personId}")
	String start(@PathVariable PersonId personId, @RequestParam(required = false) String confirm, Authentication user,
			RedirectAttributes redirect) {
		Person person = people.get(personId);
		String back = "redirect:/people/" + personId.value();
		if (person.isActive()) {
			redirect.addFlashAttribute("error",
					person.getFullName() + " has not left: record the last day first, then deprovision their access.");
			return back;
		}
		if (person.getHrId() == null || person.getHrId().isBlank()) {
			redirect.addFlashAttribute("error",
					person.getFullName() + " has no HR id, which a deprovisioning case is kept under: add it first.");
			return back;
		}
		if (!"yes".equals(confirm)) {
			redirect.addFlashAttribute("error", "Tick the box that confirms removing every access of "
					+ person.getFullName() + ", then press Deprovision now again.");
			return back;
		}
		int grants = access.activeGrantsOf(personId).size();
		CaseReceipt receipt;
		try {
			receipt = deprovisioning.receiveTermination(new TerminationNotice("manual:" + personId.value(),
					person.getHrId(), clock.instant(), TerminationSource.MANUAL, user.getName()));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", refusal.getMessage());
			return back;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("person", person.getFullName());
		details.put("hrId", person.getHrId());
		details.put("activeGrants", grants);
		details.put("case", receipt.caseId().value().toString());
		details.put("newCase", receipt.newCase());
		trail.record(user.getName(), ACTION, "Person", personId.value().toString(), details);
		redirect.addFlashAttribute("message",
				receipt.newCase()
						? "Deprovisioning of " + person.getFullName() + " started: their sign-in is disabled and their "
								+ grants + " active grants are being removed."
						: person.getFullName() + " is already being deprovisioned: this is the running case.");
		return "redirect:/deprovisioning/" + receipt.caseId().value();
	}

}
