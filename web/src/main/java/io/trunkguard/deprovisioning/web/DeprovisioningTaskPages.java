package io.trunkguard.deprovisioning.web;

import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.DeprovisioningTask;
import io.trunkguard.deprovisioning.DeprovisioningTasks;
import io.trunkguard.deprovisioning.RemovalProof;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.ProofUpload;
import io.trunkguard.security.Role;
import io.trunkguard.shared.DomainException;
import io.trunkguard.web.LimitedUpload;
import io.trunkguard.web.StoredFileResponses;
import io.trunkguard.web.UploadSizeLimit;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "My deprovisioning tasks": the removals a system owner confirms by hand, and the
 * escalated removals and investigations of compliance leads, each with a form (a note is
 * required, a proof file optional: the same kinds of file as a review remediation's
 * proof). Someone else's task answers 403; a bad note or a refused file shows the form
 * again with the error and the text typed. A proof file is downloaded by compliance
 * leads, auditors and the one who attached it.
 */
@Controller
@RequestMapping("/deprovisioning/tasks")
class DeprovisioningTaskPages {

	private final DeprovisioningTasks tasks;

	private final DeprovisioningService deprovisioning;

	private final CaseNames names;

	private final FileStore files;

	DeprovisioningTaskPages(DeprovisioningTasks tasks, DeprovisioningService deprovisioning, CaseNames names,
			FileStore files) {
		this.tasks = tasks;
		this.files = files;
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

	/**
	 * A proof file far larger than the server's multipart limit comes back to the task
	 * list with a clear message; nothing is read or saved.
	 */
	@Bean
	static LimitedUpload removalProofUploads() {
		return LimitedUpload.of("^/deprovisioning/tasks/[^/]+$", "/deprovisioning/tasks");
	}

	@GetMapping
	String mine(@RequestParam(required = false) String refused, Authentication user, Model model) {
		if (UploadSizeLimit.TOO_LARGE.equals(refused)) {
			model.addAttribute("error", "The attached file was far larger than the "
					+ ProofUpload.MAX_BYTES / (1024 * 1024)
					+ " MB accepted as proof, so nothing was saved. Attach a smaller PDF, PNG, JPEG, text or CSV file and confirm again.");
		}
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
	String complete(@PathVariable String taskId, @RequestParam(required = false) String note,
			@RequestParam(required = false) MultipartFile attachment, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		DeprovisioningTask task = tasks.taskFor(taskId, user.getName(), roles(user));
		ProofUpload proof = attachment == null || attachment.isEmpty() && blank(attachment.getOriginalFilename()) ? null
				: new ProofUpload(attachment.getOriginalFilename(), attachment.getContentType(), bytes(attachment));
		try {
			tasks.complete(taskId, user.getName(), roles(user), note, proof);
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(task, note, e.fieldErrors().getOrDefault("note", e.getMessage()), model);
		}
		catch (DomainException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(task, note, e.getMessage(), model);
		}
		redirect.addFlashAttribute("message", "Done: " + names.title(task, deprovisioning.get(task.caseId()))
				+ (proof == null ? "" : ", with " + proof.cleanName() + " as proof") + ". The case goes on.");
		return "redirect:/deprovisioning/tasks";
	}

	/** A proof file: for compliance leads, auditors and the one who attached it. */
	@GetMapping("/proofs/{proofId}")
	ResponseEntity<StreamingResponseBody> proof(@PathVariable UUID proofId, Authentication user) {
		RemovalProof proof = tasks.proof(proofId);
		if (!Role.COMPLIANCE_LEAD.isHeldBy(user) && !Role.AUDITOR.isHeldBy(user)
				&& !proof.getUploadedBy().equals(user.getName())) {
			throw new AccessDeniedException("Only compliance leads, auditors and the one who attached it download "
					+ "the proof of a deprovisioning removal.");
		}
		return StoredFileResponses.attachment(files, proof.getFile());
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the uploaded file", e);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
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
		model.addAttribute("maxMegabytes", ProofUpload.MAX_BYTES / (1024 * 1024));
		model.addAttribute("allowedTypes", String.join(",", ProofUpload.ALLOWED_TYPES.stream().sorted().toList()));
		return "deprovisioning/task";
	}

}
