package io.trunkguard.deprovisioning.web;

import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.DeprovisioningTask;
import io.trunkguard.deprovisioning.DeprovisioningTasks;
import io.trunkguard.shared.DomainException;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * "My deprovisioning tasks": the removals a system owner confirms by hand, and the
 * escalated removals and investigations of compliance leads, each with a form (a note is
 * required). Someone else's task answers 403; a bad note shows the form again with the
 * error and the text typed.
 */
@Controller
@RequestMapping("/deprovisioning/tasks")
class DeprovisioningTaskPages {

	private final DeprovisioningTasks tasks;

	private final DeprovisioningService deprovisioning;

	private final CaseNames names;

	DeprovisioningTaskPages(DeprovisioningTasks tasks, DeprovisioningService deprovisioning, CaseNames names) {
		this.tasks = tasks;
		this.deprovisioning = deprovisioning;
		this.names = names;
	}

	/** A task on the list: what it asks in words, and whose access it is. */
	record TaskRow(DeprovisioningTask task, String title, String leaver, String entitlement) {
	}

	/**
	 * The realm roles of the user, as candidate groups ({@code ROLE_compliance-lead} ->
	 * {@code compliance-lead}).
	 */
	static Set<String> roles(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toSet());
	}

	@GetMapping
	String mine(Authentication user, Model model) {
		model.addAttribute("tasks", tasks.tasksOf(user.getName(), roles(user)).stream().map(task -> {
			var c = deprovisioning.get(task.caseId());
			return new TaskRow(task, names.title(task, c), names.leaverWithHrId(c), names.entitlement(task));
		}).toList());
		return "deprovisioning/tasks";
	}

	@GetMapping("/{taskId}")
	String form(@PathVariable String taskId, Authentication user, Model model) {
		DeprovisioningTask task = tasks.taskFor(taskId, user.getName(), roles(user));
		return form(task, null, null, model);
	}

	@PostMapping("/{taskId}")
	String complete(@PathVariable String taskId, @RequestParam(required = false) String note, Authentication user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		DeprovisioningTask task = tasks.taskFor(taskId, user.getName(), roles(user));
		try {
			tasks.complete(taskId, user.getName(), roles(user), note);
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(task, note, e.fieldErrors().getOrDefault("note", e.getMessage()), model);
		}
		catch (DomainException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(task, note, e.getMessage(), model);
		}
		redirect.addFlashAttribute("message",
				"Done: " + names.title(task, deprovisioning.get(task.caseId())) + ". The case goes on.");
		return "redirect:/deprovisioning/tasks";
	}

	private String form(DeprovisioningTask task, String note, String error, Model model) {
		var c = deprovisioning.get(task.caseId());
		model.addAttribute("task", task);
		model.addAttribute("c", c);
		model.addAttribute("title", names.title(task, c));
		model.addAttribute("leaver", names.leaverWithHrId(c));
		model.addAttribute("entitlement", names.entitlement(task));
		model.addAttribute("note", note);
		model.addAttribute("noteError", error);
		model.addAttribute("maxNote", DeprovisioningTasks.MAX_NOTE);
		return "deprovisioning/task";
	}

}
