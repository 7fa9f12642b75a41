package io.trunkguard.security.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.trunkguard.security.Role;

/**
 * Who the caller is and which Trunkguard roles they hold, as the application understood
 * the login.
 */
@RestController
class CurrentUserController {

	record CurrentUser(String username, List<String> roles) {
	}

	@GetMapping("/api/me")
	CurrentUser me(Authentication authentication) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.flatMap(authority -> java.util.Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority)))
			.map(Role::roleName)
			.sorted()
			.toList();
		return new CurrentUser(authentication.getName(), roles);
	}

}
