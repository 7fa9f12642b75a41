package io.trunkguard.trace.web;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.trace.EncryptionRemediation;
import io.trunkguard.trace.EncryptionRemediationService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The close-out forms of an encryption remediation task on the carrier's page: a newer
 * capture of the trunk, or a compliance lead's accepted risk (never the carrier owner's).
 */
@Controller
class RemediationPages {

	private final EncryptionRemediationService remediations;

	RemediationPages(EncryptionRemediationService remediations) {
		this.remediations = remediations;
	}

	@PostMapping("/captures/remediations/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String captureId, Authentication user,
			RedirectAttributes redirect) {
		EncryptionRemediation task = remediations.get(id);
		try {
			remediations.closeWithCapture(id, CarrierEncryptionApi.captureId(captureId), user.getName());
			redirect.addFlashAttribute("message", "The remediation task on trunk " + task.getTrunk() + " owned by "
					+ task.getOwnerName() + " is closed by the newer capture.");
		}
		catch (InvalidInputException | InvalidStateException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/vendors/" + task.getVendorId();
	}

	@PostMapping("/captures/remediations/{id}/accept-risk")
	String acceptRisk(@PathVariable UUID id, @RequestParam(defaultValue = "") String justification, Authentication user,
			RedirectAttributes redirect) {
		EncryptionRemediation task = remediations.get(id);
		try {
			remediations.acceptRisk(id, justification, user.getName());
			redirect.addFlashAttribute("message", "You accepted the risk of the remediation task on trunk "
					+ task.getTrunk() + " owned by " + task.getOwnerName() + ".");
		}
		catch (InvalidInputException | InvalidStateException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/vendors/" + task.getVendorId();
	}

}
