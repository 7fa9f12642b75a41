package io.trunkguard.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The four roles of Trunkguard. In Keycloak they are realm roles, locally they are the
 * roles of the local accounts; either way Spring Security sees them as authorities
 * {@code ROLE_<name>}.
 */
public enum Role {

	REVIEWER("reviewer"), COMPLIANCE_LEAD("compliance-lead"), AUDITOR("auditor"), ADMIN("admin");

	private final String roleName;

	Role(String roleName) {
		this.roleName = roleName;
	}

	/**
	 * The role's name as in Keycloak and in the URL rules, e.g. {@code compliance-lead}.
	 */
	public String roleName() {
		return roleName;
	}

	/** The Spring Security authority, e.g. {@code ROLE_compliance-lead}. */
	public String authority() {
		return "ROLE_" + roleName;
	}

	public static Optional<Role> fromName(String name) {
		return Arrays.stream(values()).filter(role -> role.roleName.equals(name)).findFirst();
	}

	/**
	 * The role that decides what a person sees first, when they have several: admin, then
	 * compliance lead, then auditor, then reviewer.
	 */
	public static Optional<Role> primaryOf(Authentication authentication) {
		if (authentication == null) {
			return Optional.empty();
		}
		return primaryOf(authentication.getAuthorities());
	}

	public static Optional<Role> primaryOf(Collection<? extends GrantedAuthority> authorities) {
		for (Role role : new Role[] { ADMIN, COMPLIANCE_LEAD, AUDITOR, REVIEWER }) {
			if (authorities.stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	public boolean isHeldBy(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> authority().equals(a.getAuthority()));
	}

}
