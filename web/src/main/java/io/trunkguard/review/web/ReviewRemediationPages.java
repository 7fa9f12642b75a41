package io.trunkguard.review.web;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.web.StoredFileResponses;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.review.RemediationService;
import io.trunkguard.evidence.ProofUpload;
import io.trunkguard.review.RemediationProof;
import io.trunkguard.review.ReviewDeniedException;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.security.Role;
import io.trunkguard.shared.DomainException;

/**
 * Manual remediation: the revocations a system owner (or any compliance lead) must carry
 * out by hand, confirmed with a required note and an optional proof file, or, by a
 * compliance lead only, accepted as not remediated with a justification. A refused file
 * or a missing note shows the page again with what was typed; nothing is lost.
 */
@Controller
@RequestMapping("/reviews/remediations")
class ReviewRemediationPages {

	private final RemediationService remediation;

	private final FileStore files;

	ReviewRemediationPages(RemediationService remediation, FileStore files) {
		this.files = files;
		this.remediation = remediation;
	}

	@GetMapping
	String list(@RequestParam(required = false) String refused, Authentication user, Model model) {
		if (ProofUploadLimit.TOO_LARGE.equals(refused)) {
			model.addAttribute("error", "The attached file was far larger than the "
					+ RemediationProof.MAX_BYTES / (1024 * 1024)
					+ " MB accepted as proof, so nothing was saved. Attach a smaller PDF, PNG, JPEG, text or CSV file and confirm again.");
		}
		return page(user, model);
	}

	@PostMapping("/{itemId}/confirm")
	String confirm(@PathVariable ReviewItemId itemId, @RequestParam(required = false) String note,
			@RequestParam(required = false) MultipartFile attachment, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ProofUpload proof = attachment == null || attachment.isEmpty() && blank(attachment.getOriginalFilename()) ? null
				: new ProofUpload(attachment.getOriginalFilename(), attachment.getContentType(), bytes(attachment));
		try {
			ReviewItem done = remediation.confirmRemoval(itemId, note, proof, user.getName(),
					Role.COMPLIANCE_LEAD.isHeldBy(user));
			redirect.addFlashAttribute("message",
					"Removal of " + done.getEntitlement() + " from " + done.getPersonName() + " on "
							+ done.getSystemName() + " confirmed"
							+ (proof == null ? "." : ", with the attached file as proof."));
			return "redirect:/reviews/remediations";
		}
		catch (ReviewDeniedException denied) {
			throw new AccessDeniedException(denied.getMessage());
		}
		catch (DomainException refusal) {
			return again(itemId, "confirm", note, refusal.getMessage(), user, model, response);
		}
	}

	@PostMapping("/{itemId}/accept")
	String accept(@PathVariable ReviewItemId itemId, @RequestParam(required = false) String justification,
			Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ReviewAccess.requireSignOff(user);
		if (blank(justification)) {
			return again(itemId, "accept", justification, "Say why the access may stay: a justification is required.",
					user, model, response);
		}
		try {
			ReviewItem accepted = remediation.acceptUnremediated(itemId, justification, user.getName());
			redirect.addFlashAttribute("message",
					"Accepted that " + accepted.getPersonName() + " keeps " + accepted.getEntitlement() + " on "
							+ accepted.getSystemName() + "; the decision stays on record.");
			return "redirect:/reviews/remediations";
		}
		catch (ReviewDeniedException denied) {
			throw new AccessDeniedException(denied.getMessage());
		}
		catch (DomainException refusal) {
			return again(itemId, "accept", justification, refusal.getMessage(), user, model, response);
		}
	}

	@GetMapping("/proofs/{proofId}")
	ResponseEntity<StreamingResponseBody> proof(@PathVariable UUID proofId, Authentication user) {
		ReviewAccess.requireOversight(user);
		RemediationProof proof = remediation.proof(proofId);
		return StoredFileResponses.attachment(files, proof.getFile());
	}

	/**
	 * The list again, with the refused form's input and the reason (status 400, so a
	 * script sees the refusal too).
	 */
	private String again(ReviewItemId itemId, String form, String text, String error, Authentication user, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", error);
		model.addAttribute("failedItem", itemId.value());
		model.addAttribute("failedForm", form);
		model.addAttribute("failedText", text);
		return page(user, model);
	}

	private String page(Authentication user, Model model) {
		boolean lead = Role.COMPLIANCE_LEAD.isHeldBy(user);
		List<ReviewItem> open = remediation.manualRemediations(user.getName(), lead || ReviewAccess.oversees(user));
		model.addAttribute("items", open);
		model.addAttribute("lead", lead);
		model.addAttribute("automatic", ReviewAccess.oversees(user) ? remediation.automaticRemediations() : List.of());
		java.util.Set<UUID> owned = lead ? java.util.Set.of()
				: remediation.manualRemediations(user.getName(), false)
					.stream()
					.map(i -> i.getId().value())
					.collect(java.util.stream.Collectors.toSet());
		model.addAttribute("canConfirm",
				open.stream()
					.collect(java.util.stream.Collectors.toMap(i -> i.getId().value(),
							i -> lead || !Role.AUDITOR.isHeldBy(user) && owned.contains(i.getId().value()))));
		model.addAttribute("maxMegabytes", RemediationProof.MAX_BYTES / (1024 * 1024));
		model.addAttribute("allowedTypes", String.join(",", RemediationProof.ALLOWED_TYPES.stream().sorted().toList()));
		return "review/remediations";
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

}
