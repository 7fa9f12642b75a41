package io.trunkguard.people.web;

import java.time.LocalDate;
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

import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.web.FormErrors;
import io.trunkguard.web.PageResponse;

/** Pages to find, read, register, edit people and record that someone left. */
@Controller
class PersonPages {

	private static final int PAGE_SIZE = 20;

	private final PersonService people;

	PersonPages(PersonService people) {
		this.people = people;
	}

	@GetMapping("/people")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) EmploymentStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<Person> result = people.search(new PersonSearch(q, status, null),
				PageResponse.request(page, PAGE_SIZE, Sort.by("fullName")));
		model.addAttribute("people", result);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("statuses", EmploymentStatus.values());
		return "people/list";
	}

	@GetMapping("/people/{id}")
	String detail(@PathVariable PersonId id, Model model) {
		Person person = people.get(id);
		model.addAttribute("person", person);
		model.addAttribute("manager", person.getManagerId() == null ? null : people.get(person.getManagerId()));
		model.addAttribute("reports", people.directReports(id));
		model.addAttribute("today", LocalDate.now());
		return "people/detail";
	}

	@GetMapping("/people/new")
	String newPerson(Model model) {
		return form(new PersonForm(), null, model);
	}

	@PostMapping("/people")
	String register(@ModelAttribute("form") PersonForm form, BindingResult result, Authentication user, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Person person = people.register(form.toDetails(), user.getName());
				redirect.addFlashAttribute("message", person.getFullName() + " was registered.");
				return "redirect:/people/" + person.getId();
			}
			catch (RuntimeException refusal) {
				FormErrors.reject(refusal, result);
			}
		}
		return form(form, null, model);
	}

	@GetMapping("/people/{id}/edit")
	String edit(@PathVariable PersonId id, Model model) {
		return form(PersonForm.of(people.get(id)), people.get(id), model);
	}

	@PostMapping("/people/{id}")
	String update(@PathVariable PersonId id, @ModelAttribute("form") PersonForm form, BindingResult result,
			Authentication user, Model model, RedirectAttributes redirect) {
		Person existing = people.get(id);
		if (!result.hasErrors()) {
			try {
				people.update(id, form.getVersion(), form.toDetails(), user.getName());
				redirect.addFlashAttribute("message", "The changes were saved.");
				return "redirect:/people/" + id;
			}
			catch (RuntimeException refusal) {
				FormErrors.reject(refusal, result);
			}
		}
		return form(form, existing, model);
	}

	@PostMapping("/people/{id}/leave")
	String markLeft(@PathVariable PersonId id, @RequestParam(required = false) LocalDate lastDay, Authentication user,
			RedirectAttributes redirect) {
		try {
			people.markLeft(id, lastDay, user.getName());
			redirect.addFlashAttribute("message", "Recorded as left on " + lastDay + ".");
		}
		catch (RuntimeException refusal) {
			redirect.addFlashAttribute("error", lastDay == null ? "Give the last day." : refusal.getMessage());
		}
		return "redirect:/people/" + id;
	}

	private String form(PersonForm form, Person existing, Model model) {
		List<Person> candidates = people
			.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), PageRequest.of(0, 1000, Sort.by("fullName")))
			.getContent();
		model.addAttribute("form", form);
		model.addAttribute("person", existing);
		model.addAttribute("managers",
				candidates.stream()
					.filter(candidate -> existing == null || !candidate.getId().equals(existing.getId()))
					.toList());
		model.addAttribute("departments", people.departments());
		model.addAttribute("employmentTypes", EmploymentType.values());
		return "people/form";
	}

}
