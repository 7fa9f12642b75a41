package io.trunkguard.access.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.GrantQuery;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.DomainException;
import io.trunkguard.web.FormErrors;
import io.trunkguard.web.PageResponse;

/**
 * Pages to find and read access grants, record new ones and revoke them with a reason.
 */
@Controller
class GrantPages {

	private static final int PAGE_SIZE = 25;

	private final AccessService access;

	private final PersonService people;

	GrantPages(AccessService access, PersonService people) {
		this.access = access;
		this.people = people;
	}

	@GetMapping("/grants")
	String list(@RequestParam(required = false) PersonId person, @RequestParam(required = false) SystemId system,
			@RequestParam(required = false) GrantStatus status, @RequestParam(required = false) Boolean privileged,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<AccessGrant> grants = access.searchGrants(new GrantQuery(person, system, status, privileged, null, q),
				PageResponse.request(page, PAGE_SIZE, Sort.by(Sort.Direction.DESC, "grantedAt")));
		model.addAttribute("grants", grants);
		model.addAttribute("q", q);
		model.addAttribute("person", person == null ? null : people.get(person));
		model.addAttribute("system", system == null ? null : access.getSystem(system));
		model.addAttribute("status", status);
		model.addAttribute("privileged", privileged);
		model.addAttribute("statuses", GrantStatus.values());
		model.addAttribute("names", new Names(people, access)
			.prefetch(grants.getContent().stream().map(AccessGrant::getPersonId).toList()));
		return "grants/list";
	}

	@GetMapping("/grants/{id}")
	String detail(@PathVariable GrantId id, Model model) {
		return detail(access.getGrant(id), model);
	}

	@PostMapping("/grants/{id}/revoke")
	String revoke(@PathVariable GrantId id, @RequestParam(required = false) String reason, Authentication user,
			Model model, RedirectAttributes redirect) {
		AccessGrant grant = access.getGrant(id);
		if (reason == null || reason.isBlank()) {
			model.addAttribute("revokeError", "Give the reason for revoking this grant.");
			return detail(grant, model);
		}
		try {
			access.revokeGrant(id, reason.trim(), user.getName());
			redirect.addFlashAttribute("message", "The grant was revoked.");
			return "redirect:/grants/" + id;
		}
		catch (DomainException refusal) {
			model.addAttribute("revokeError", refusal.getMessage());
			model.addAttribute("reason", reason);
			return detail(grant, model);
		}
		catch (ConstraintViolationException refusal) {
			model.addAttribute("revokeError",
					"The reason " + refusal.getConstraintViolations()
						.stream()
						.map(ConstraintViolation::getMessage)
						.distinct()
						.collect(Collectors.joining("; ")) + ".");
			model.addAttribute("reason", reason);
			return detail(grant, model);
		}
	}

	@GetMapping("/grants/new")
	String newGrant(@RequestParam(required = false) PersonId person, Model model) {
		GrantForm form = new GrantForm();
		form.setPersonId(person == null ? null : person.value());
		return form(form, model);
	}

	@PostMapping("/grants")
	String issue(@ModelAttribute("form") GrantForm form, BindingResult result, Authentication user, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AccessGrant grant = access.issueGrant(form.toNewGrant(), user.getName());
				redirect.addFlashAttribute("message", "The grant was recorded.");
				return "redirect:/grants/" + grant.getId();
			}
			catch (RuntimeException refusal) {
				FormErrors.reject(refusal, result);
			}
		}
		return form(form, model);
	}

	private String detail(AccessGrant grant, Model model) {
		model.addAttribute("grant", grant);
		model.addAttribute("names", new Names(people, access));
		return "grants/detail";
	}

	private String form(GrantForm form, Model model) {
		List<Person> persons = people
			.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), PageRequest.of(0, 1000, Sort.by("fullName")))
			.getContent();
		model.addAttribute("form", form);
		model.addAttribute("people", persons);
		model.addAttribute("systems", access.allSystems());
		return "grants/form";
	}

}
