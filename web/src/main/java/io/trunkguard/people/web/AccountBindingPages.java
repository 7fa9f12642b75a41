package io.trunkguard.people.web;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.people.AccountBindingRequest;
import io.trunkguard.people.AccountBindings;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.DomainException;

/**
 * The page of pending account-binding requests: compliance leads and admins ask for a
 * change from the person's page, see who asked to bind which login to which person and
 * why, and approve or refuse; auditors read it. The rules are the domain's
 * ({@link AccountBindings}): never the requester, never one's own login or person. A
 * decision is audited by the domain; a refused attempt is audited here
 * ({@code ACCOUNT_BINDING_DECISION_REFUSED}) and said on the page.
 */
@Controller
class AccountBindingPages {

	static final String REFUSED = "ACCOUNT_BINDING_DECISION_REFUSED";

	private final AccountBindings bindings;

	private final PersonService people;

	private final AuditTrail trail;

	AccountBindingPages(AccountBindings bindings, PersonService people, AuditTrail trail) {
		this.bindings = bindings;
		this.people = people;
		this.trail = trail;
	}

	/** A pending request with the name of the person it binds. */
	record Row(AccountBindingRequest request, String personName) {
	}

	@GetMapping("/people/account-bindings")
	String pending(Model model) {
		model.addAttribute("requests",
				bindings.pending().stream().map(r -> new Row(r, people.get(r.getPersonId()).getFullName())).toList());
		return "people/account-bindings";
	}

	/**
	 * A lead (or an admin) asks, from the person's page, to bind another login account
	 * (none if blank) to the person; the request then waits on this page for someone
	 * else.
	 */
	@PostMapping("/people/{id}/account-binding")
	String request(@PathVariable PersonId id, @RequestParam(required = false) String username,
			@RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
		Person person = people.get(id);
		String login = username == null || username.isBlank() ? null : username.strip();
		if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("error", "Say why the login account of " + person.getFullName() + " changes.");
			return "redirect:/people/" + id;
		}
		try {
			AccountBindingRequest request = bindings.request(id, login, reason.strip(), user.getName());
			redirect.addFlashAttribute("message",
					"Asked by " + user.getName() + ": binding " + login(request.getToUsername()) + " to "
							+ personName(request) + " instead of " + login(request.getFromUsername())
							+ "; a second compliance lead or an admin must approve it.");
			return "redirect:/people/account-bindings";
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		catch (ConstraintViolationException invalid) {
			redirect.addFlashAttribute("error", "A login name holds lower-case letters, digits, '.', '_' or '-' only "
					+ "(at most 100), and the reason at most 1,000 characters.");
		}
		return "redirect:/people/" + id;
	}

	@PostMapping("/people/account-bindings/{requestId}/approve")
	String approve(@PathVariable UUID requestId, Authentication user, RedirectAttributes redirect) {
		AccountBindingRequest request = bindings.get(requestId);
		try {
			bindings.approve(requestId, user.getName());
			redirect.addFlashAttribute("message",
					"Approved by " + user.getName() + ": binding " + login(request.getToUsername()) + " to "
							+ personName(request) + " (was " + login(request.getFromUsername()) + ", asked by "
							+ request.getRequestedBy() + ").");
		}
		catch (DomainException refused) {
			refuse(request, "approve", refused, user, redirect);
		}
		return "redirect:/people/account-bindings";
	}

	@PostMapping("/people/account-bindings/{requestId}/reject")
	String reject(@PathVariable UUID requestId, @RequestParam(required = false) String note, Authentication user,
			RedirectAttributes redirect) {
		AccountBindingRequest request = bindings.get(requestId);
		try {
			bindings.reject(requestId, note == null || note.isBlank() ? null : note.strip(), user.getName());
			redirect.addFlashAttribute("message",
					"Refused by " + user.getName() + ": binding " + login(request.getToUsername()) + " to "
							+ personName(request) + "; " + personName(request) + " keeps "
							+ login(request.getFromUsername()) + ".");
		}
		catch (DomainException refused) {
			refuse(request, "refuse", refused, user, redirect);
		}
		return "redirect:/people/account-bindings";
	}

	private void refuse(AccountBindingRequest request, String decision, DomainException refused, Authentication user,
			RedirectAttributes redirect) {
		trail.record(user.getName(), REFUSED, "AccountBindingRequest", request.getId().toString(),
				Map.of("decision", decision, "reason", refused.getMessage(), "person", request.getPersonId()));
		redirect.addFlashAttribute("error", refused.getMessage());
	}

	private String personName(AccountBindingRequest request) {
		return people.get(request.getPersonId()).getFullName() + " (" + request.getHrId() + ")";
	}

	private static String login(String username) {
		return username == null ? "no login" : "the login " + username;
	}

}
