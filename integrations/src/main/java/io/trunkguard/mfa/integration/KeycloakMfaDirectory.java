package io.trunkguard.mfa.integration;

import io.trunkguard.access.integration.keycloak.KeycloakUsers;
import io.trunkguard.mfa.MfaDirectory;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Second factors from Keycloak's admin API, through the {@code trunkguard-admin} service
 * account (realm-management {@code view-users}, {@code query-users} and
 * {@code view-realm}: the last one to read the login flow, the required actions and the
 * members of a role). On when {@code trunkguard.keycloak.url} is set.
 */
@Component
@ConditionalOnProperty(prefix = "trunkguard.keycloak", name = "url")
class KeycloakMfaDirectory implements MfaDirectory {

	/** Credential types that are a second factor, in words. */
	static final Map<String, String> FACTORS = Map.of("otp", "a one-time password (OTP)", "webauthn",
			"a security key (WebAuthn)", "webauthn-passwordless", "a passkey (WebAuthn passwordless)");

	/** How many holders of one role are read at most. */
	static final int MAX_HOLDERS = 1000;

	private final Keycloak keycloak;

	private final KeycloakUsers users;

	private final String url;

	KeycloakMfaDirectory(Keycloak keycloak, KeycloakUsers users, @Value("${trunkguard.keycloak.url}") String url) {
		this.keycloak = keycloak;
		this.users = users;
		this.url = url;
	}

	@Override
	public String source() {
		return "the Keycloak realm " + users.realmName() + " at " + url;
	}

	@Override
	public RealmPolicy policy() {
		RealmResource realm = realm();
		RealmRepresentation representation = realm.toRepresentation();
		String browserFlow = representation.getBrowserFlow() == null ? "browser" : representation.getBrowserFlow();
		return RealmPolicyReader.read(browserFlow, realm.flows().getExecutions(browserFlow),
				id -> Optional.ofNullable(realm.flows().getAuthenticatorConfig(id).getConfig()).orElse(Map.of()),
				realm.flows().getRequiredActions());
	}

	@Override
	public Map<String, Set<String>> holdersOf(Set<String> roles) {
		Map<String, Set<String>> holders = new TreeMap<>();
		for (String role : roles) {
			List<UserRepresentation> members;
			try {
				members = realm().roles().get(role).getUserMembers(0, MAX_HOLDERS);
			}
			catch (jakarta.ws.rs.NotFoundException noSuchRole) {
				continue;
			}
			for (UserRepresentation member : members) {
				holders.computeIfAbsent(member.getUsername(), u -> new TreeSet<>()).add(role);
			}
		}
		return holders;
	}

	@Override
	public Optional<Account> account(String username) {
		Optional<UserRepresentation> found = realm().users()
			.searchByUsername(username, true)
			.stream()
			.filter(u -> username.equalsIgnoreCase(u.getUsername()))
			.findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		UserRepresentation user = found.get();
		UserResource resource = realm().users().get(user.getId());
		List<String> factors = new ArrayList<>();
		for (CredentialRepresentation credential : resource.credentials()) {
			String words = FACTORS.get(credential.getType());
			if (words != null && !factors.contains(words)) {
				factors.add(words);
			}
		}
		boolean pending = user.getRequiredActions() != null
				&& user.getRequiredActions().stream().anyMatch(RealmPolicyReader.SETUP_ACTIONS::contains);
		Set<String> roles = new TreeSet<>();
		resource.roles().realmLevel().listEffective().forEach(r -> roles.add(r.getName()));
		return Optional
			.of(new Account(user.getUsername(), Boolean.TRUE.equals(user.isEnabled()), factors, pending, roles));
	}

	private RealmResource realm() {
		return keycloak.realm(users.realmName());
	}

}
