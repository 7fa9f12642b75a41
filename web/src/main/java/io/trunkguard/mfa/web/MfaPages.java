package io.trunkguard.mfa.web;

import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.mfa.MfaException;
import io.trunkguard.mfa.MfaRead;
import io.trunkguard.mfa.MfaService;
import io.trunkguard.mfa.reports.MfaReports;
import io.trunkguard.security.Role;
import io.trunkguard.shared.DomainException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.web.StoredFileResponses;
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

import java.util.List;
import java.util.UUID;

/**
 * The MFA page: what the latest read found (the realm's policy, each privileged person,
 * the exceptions), earlier reads with their stored reports, and "read now" for leads and
 * admins; the exceptions page where system owners close theirs with a note.
 */
@Controller
class MfaPages {

	private final MfaService mfa;

	private final EvidenceService evidence;

	private final FileStore files;

	MfaPages(MfaService mfa, EvidenceService evidence, FileStore files) {
		this.mfa = mfa;
		this.evidence = evidence;
		this.files = files;
	}

	@GetMapping("/mfa")
	String page(Model model) {
		model.addAttribute("connected", mfa.identityProviderConnected());
		model.addAttribute("noIdentityProvider", MfaService.NO_IDENTITY_PROVIDER);
		model.addAttribute("read", mfa.latest().orElse(null));
		model.addAttribute("reads", mfa.recent());
		model.addAttribute("open", mfa.openExceptions());
		return "mfa/page";
	}

	@PostMapping("/mfa/read")
	String readNow(Authentication user, RedirectAttributes redirect) {
		MfaRead read = mfa.read(user.getName());
		redirect.addFlashAttribute("message",
				read.isIdentityProvider()
						? "Read " + read.getRows().size() + " privileged people from " + read.getSource() + ": "
								+ read.getExceptionCount() + " exception(s). The report is kept as CC6.1 evidence."
						: "Recorded that MFA cannot be evidenced without an identity provider; the report saying so is "
								+ "kept as CC6.1 evidence.");
		return "redirect:/mfa";
	}

	@GetMapping("/mfa/reads/{readId}/report.pdf")
	ResponseEntity<StreamingResponseBody> pdf(@PathVariable UUID readId) {
		return stored(readId, ".pdf");
	}

	@GetMapping("/mfa/reads/{readId}/report.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@PathVariable UUID readId) {
		return stored(readId, ".xlsx");
	}

	/** The report as it was stored as evidence when the read was made. */
	private ResponseEntity<StreamingResponseBody> stored(UUID readId, String extension) {
		MfaRead read = mfa.get(readId);
		List<EvidenceItem> items = evidence.about(MfaReports.SUBJECT_TYPE, read.getId().toString());
		for (EvidenceItem item : items) {
			var file = files.get(item.getFileId());
			if (file.getOriginalName().endsWith(extension)) {
				return StoredFileResponses.attachment(files, file);
			}
		}
		throw new NotFoundException("MfaReport", read.getReadAt());
	}

	@GetMapping("/mfa/exceptions")
	String exceptions(Authentication user, Model model) {
		boolean overseer = overseer(user) || Role.AUDITOR.isHeldBy(user);
		List<MfaException> open = mfa.openExceptions()
			.stream()
			.filter(e -> overseer || e.isOwnedBy(user.getName()))
			.toList();
		model.addAttribute("open", open);
		model.addAttribute("closed",
				mfa.recentlyClosedExceptions()
					.stream()
					.filter(e -> overseer || e.isOwnedBy(user.getName()))
					.limit(50)
					.toList());
		model.addAttribute("mayClose", !Role.AUDITOR.isHeldBy(user));
		model.addAttribute("me", user.getName());
		return "mfa/exceptions";
	}

	@PostMapping("/mfa/exceptions/{exceptionId}/close")
	String close(@PathVariable UUID exceptionId, @RequestParam(required = false) String note, Authentication user,
			RedirectAttributes redirect) {
		try {
			MfaException closed = mfa.close(exceptionId, note, user.getName(), overseer(user));
			redirect.addFlashAttribute("message", user.getName() + " closed the exception “" + closed.getTitle()
					+ "”. The next monthly read checks it again.");
		}
		catch (NotFoundException missing) {
			throw missing;
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/mfa/exceptions";
	}

	private static boolean overseer(Authentication user) {
		return Role.COMPLIANCE_LEAD.isHeldBy(user) || Role.ADMIN.isHeldBy(user);
	}

}
