package io.trunkguard.security.apitoken;

import io.trunkguard.security.Role;
import io.trunkguard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The admin page of API tokens: the list (name, role, expiry, last use, state), a form to
 * create one (its secret is shown once, on the answer to the form, never stored or shown
 * again) and revocation.
 */
@Controller
class ApiTokenPages {

	private final ApiTokens tokens;

	ApiTokenPages(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/admin/api-tokens")
	String list(Model model) {
		return page(model, null);
	}

	@PostMapping("/admin/api-tokens")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String role,
			@RequestParam(required = false) String expiresOn, Authentication admin, Model model,
			HttpServletResponse response) {
		try {
			LocalDate expiry = expiresOn == null || expiresOn.isBlank() ? null : LocalDate.parse(expiresOn.strip());
			ApiTokens.Created created = tokens.create(name, Role.fromName(role).orElse(null), expiry, admin.getName());
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("created", created);
			model.addAttribute("message", "The token " + created.token().name() + " was created for the role "
					+ created.token().role().roleName() + ". Copy it now: it is not shown again.");
		}
		catch (DateTimeParseException e) {
			model.addAttribute("error", "The expiry \"" + expiresOn + "\" is not a date (YYYY-MM-DD).");
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
		}
		model.addAttribute("name", name);
		return page(model, role);
	}

	@PostMapping("/admin/api-tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, Authentication admin, RedirectAttributes redirect) {
		ApiToken token = tokens.revoke(id, admin.getName());
		redirect.addFlashAttribute("message", "The token " + token.name() + " was revoked by " + admin.getName()
				+ "; requests carrying it are refused from now on.");
		return "redirect:/admin/api-tokens";
	}

	private String page(Model model, String role) {
		model.addAttribute("tokens", tokens.list());
		model.addAttribute("now", tokens.now());
		model.addAttribute("roles", Role.values());
		model.addAttribute("role", role == null ? Role.COMPLIANCE_LEAD.roleName() : role);
		model.addAttribute("defaultExpiry", tokens.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(90));
		return "admin/api-tokens";
	}

}
