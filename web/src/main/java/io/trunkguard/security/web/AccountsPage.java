package io.trunkguard.security.web;

import io.trunkguard.security.AccountRecovery;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's way back for a disabled local account (listed on the admin's home page):
 * enabling it is audited.
 */
@Controller
class AccountsPage {

	private final AccountRecovery recovery;

	AccountsPage(AccountRecovery recovery) {
		this.recovery = recovery;
	}

	@PostMapping("/admin/accounts/{username}/enable")
	String enable(@PathVariable String username, Authentication user, RedirectAttributes redirect) {
		AccountRecovery.Outcome outcome = recovery.enable(username, user.getName(), "admin page");
		redirect.addFlashAttribute(outcome.enabled() ? "message" : "error", outcome.message());
		return "redirect:/#accounts";
	}

}
