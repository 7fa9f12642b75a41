package io.trunkguard.access.web;

import java.util.List;

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

import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantQuery;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemId;
import io.trunkguard.access.SystemKind;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.web.FormErrors;
import io.trunkguard.web.PageResponse;

/** Pages to find, read, register and edit the systems whose access Trunkguard governs. */
@Controller
class SystemPages {

	private static final int PAGE_SIZE = 20;

	private final AccessService access;

	private final PersonService people;

	SystemPages(AccessService access, PersonService people) {
		this.access = access;
		this.people = people;
	}

	@GetMapping("/systems")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) SystemKind kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<AccessSystem> systems = access.searchSystems(q, kind,
				PageResponse.request(page, PAGE_SIZE, Sort.by("name")));
		model.addAttribute("systems", systems);
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", SystemKind.values());
		model.addAttribute("names", new Names(people, access)
			.prefetch(systems.getContent().stream().map(AccessSystem::getOwnerId).toList()));
		return "systems/list";
	}

	@GetMapping("/systems/{id}")
	String detail(@PathVariable SystemId id, Model model) {
		AccessSystem system = access.getSystem(id);
		model.addAttribute("system", system);
		model.addAttribute("names", new Names(people, access));
		model.addAttribute("activeGrants",
				access.searchGrants(GrantQuery.activeOn(id), PageRequest.of(0, 1)).getTotalElements());
		return "systems/detail";
	}

	@GetMapping("/systems/new")
	String newSystem(Model model) {
		return form(new SystemForm(), null, model);
	}

	@PostMapping("/systems")
	String register(@ModelAttribute("form") SystemForm form, BindingResult result, Authentication user, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AccessSystem system = access.registerSystem(form.toDetails(), user.getName());
				redirect.addFlashAttribute("message", system.getName() + " was registered.");
				return "redirect:/systems/" + system.getId();
			}
			catch (RuntimeException refusal) {
				FormErrors.reject(refusal, result);
			}
		}
		return form(form, null, model);
	}

	@GetMapping("/systems/{id}/edit")
	String edit(@PathVariable SystemId id, Model model) {
		AccessSystem system = access.getSystem(id);
		return form(SystemForm.of(system), system, model);
	}

	@PostMapping("/systems/{id}")
	String update(@PathVariable SystemId id, @ModelAttribute("form") SystemForm form, BindingResult result,
			Authentication user, Model model, RedirectAttributes redirect) {
		AccessSystem existing = access.getSystem(id);
		if (!result.hasErrors()) {
			try {
				access.updateSystem(id, form.getVersion(), form.toDetails(), user.getName());
				redirect.addFlashAttribute("message", "The changes were saved.");
				return "redirect:/systems/" + id;
			}
			catch (RuntimeException refusal) {
				FormErrors.reject(refusal, result);
			}
		}
		return form(form, existing, model);
	}

	private String form(SystemForm form, AccessSystem existing, Model model) {
		List<Person> owners = people
			.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), PageRequest.of(0, 1000, Sort.by("fullName")))
			.getContent();
		model.addAttribute("form", form);
		model.addAttribute("system", existing);
		model.addAttribute("owners", owners);
		model.addAttribute("kinds", SystemKind.values());
		model.addAttribute("connectors", ConnectorType.values());
		model.addAttribute("strategies", ReviewerStrategy.values());
		return "systems/form";
	}

}
