package io.trunkguard.deprovisioning.integration;

import io.trunkguard.access.integration.keycloak.KeycloakUsers;
import io.trunkguard.deprovisioning.IdentityProviderPort;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link IdentityProviderPort} on Keycloak (present when TRUNKGUARD_KEYCLOAK_URL is set,
 * like the adapter). Kept in the deprovisioning module so that access does not depend on
 * deprovisioning (which depends on access).
 */
@Component
@ConditionalOnProperty(prefix = "trunkguard.keycloak", name = "url")
class KeycloakIdentityProvider implements IdentityProviderPort {

	private final KeycloakUsers users;

	KeycloakIdentityProvider(KeycloakUsers users) {
		this.users = users;
	}

	@Override
	public String name() {
		return "keycloak";
	}

	@Override
	public boolean disableUser(String username) {
		return users.disableUser(username);
	}

	@Override
	public int logoutUser(String username) {
		return users.logoutUser(username);
	}

	@Override
	public boolean removeRealmRole(String username, String role) {
		return users.removeRealmRole(username, role);
	}

	/** The realm roles that make a Trunkguard login privileged. */
	static final java.util.Set<String> PRIVILEGED_ROLES = java.util.Set.of("admin", "auditor", "compliance-lead");

	@Override
	public boolean isPrivileged(String username) {
		return users.realmRoles(username).stream().anyMatch(PRIVILEGED_ROLES::contains);
	}

	@Override
	public boolean isDisabled(String username) {
		return users.isDisabled(username);
	}

	@Override
	public int activeSessions(String username) {
		return users.activeSessions(username);
	}

}
