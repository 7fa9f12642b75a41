package io.trunkguard.home;

import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.trunkguard.security.Role;

/**
 * Puts the logged-in user and their role into every page's model (layout, navigation,
 * data-role).
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserModel {

	private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

	@ModelAttribute("currentRole")
	String currentRole() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!trust.isAuthenticated(authentication)) {
			return "anonymous";
		}
		return Role.primaryOf(authentication).map(Role::roleName).orElse("none");
	}

	@ModelAttribute("currentUser")
	String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return trust.isAuthenticated(authentication) ? authentication.getName() : null;
	}

}
