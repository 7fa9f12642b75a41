package io.trunkguard.audit.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntries;

/**
 * The audit trail, newest first, filtered by actor or action; and its verification (a
 * read: it changes nothing, so auditors may run it).
 */
@Controller
class AuditPages {

	private final AuditEntries entries;

	private final AuditChainVerifier verifier;

	AuditPages(AuditEntries entries, AuditChainVerifier verifier) {
		this.entries = entries;
		this.verifier = verifier;
	}

	@GetMapping("/audit")
	String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("entries", entries.search(blankToNull(actor), blankToNull(action), null, null, null, null,
				PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		return "audit/trail";
	}

	@GetMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", verifier.verify());
		return trail(null, null, 0, model);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
