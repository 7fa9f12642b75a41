package io.trunkguard.mfa.integration;

import io.trunkguard.access.integration.keycloak.KeycloakUsers;
import io.trunkguard.mfa.MfaDirectory;
import org.keycloak.admin.client.Keycloak;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Second factors from Keycloak's admin API, through the {@code trunkguard-admin} service
 * account (realm-management {@code view-users}, {@code query-users} and
 * {@code view-realm}: the last one to read the login flow, the required actions, the
 * composite roles and the members of a role). A role's holders include members of groups
 * holding it and holders of composite roles containing it. On when
 * {@code trunkguard.keycloak.url} is set.
 */
@Component
@ConditionalOnProperty(prefix = "trunkguard.keycloak", name = "url")
class KeycloakMfaDirectory implements MfaDirectory {

	/** Credential types that are a second factor, in words. */
	static final Map<String, String> FACTORS = Map.of("otp", "a one-time password (OTP)", "webauthn",
			"a security key (WebAuthn)", "webauthn-passwordless", "a passkey (WebAuthn passwordless)");

	/** Page size of the admin API's member lists. */
	static final int PAGE = 100;

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

	/**
	 * Effective holders: users given a role directly, members of a group that holds it
	 * (and of that group's subgroups, which inherit its roles), and holders of a realm
	 * composite role that contains it, at any depth, the same three ways.
	 */
	@Override
	public Map<String, Set<String>> holdersOf(Set<String> roles) {
		RealmResource realm = realm();
		Map<String, Set<String>> containedBy = compositeParents(realm);
		Map<String, Set<String>> holders = new TreeMap<>();
		Map<String, Set<String>> membersOfGroup = new HashMap<>();
		for (String role : roles) {
			Set<String> granting = new TreeSet<>();
			Deque<String> next = new ArrayDeque<>(List.of(role));
			while (!next.isEmpty()) {
				String current = next.pop();
				if (granting.add(current)) {
					next.addAll(containedBy.getOrDefault(current, Set.of()));
				}
			}
			for (String grantingRole : granting) {
				for (String username : holdersOfOne(realm, grantingRole, membersOfGroup)) {
					holders.computeIfAbsent(username, u -> new TreeSet<>()).add(role);
				}
			}
		}
		return holders;
	}

	/**
	 * For each realm role, the realm composite roles that contain it directly.
	 */
	private static Map<String, Set<String>> compositeParents(RealmResource realm) {
		Map<String, Set<String>> parents = new HashMap<>();
		for (RoleRepresentation role : realm.roles().list(false)) {
			if (!Boolean.TRUE.equals(role.isComposite())) {
				continue;
			}
			for (RoleRepresentation child : realm.roles().get(role.getName()).getRealmRoleComposites()) {
				parents.computeIfAbsent(child.getName(), c -> new TreeSet<>()).add(role.getName());
			}
		}
		return parents;
	}

	/** Users holding one realm role directly or through a group (or a subgroup). */
	private static Set<String> holdersOfOne(RealmResource realm, String role, Map<String, Set<String>> membersOfGroup) {
		RoleResource resource = realm.roles().get(role);
		Set<String> usernames = new TreeSet<>();
		try {
			pages((first, max) -> resource.getUserMembers(true, first, max))
				.forEach(user -> usernames.add(user.getUsername()));
			for (GroupRepresentation group : pages(
					(first, max) -> List.copyOf(resource.getRoleGroupMembers(first, max)))) {
				usernames.addAll(membersOfGroup.computeIfAbsent(group.getId(), id -> groupMembers(realm, id)));
			}
		}
		catch (NotFoundException noSuchRole) {
			return Set.of();
		}
		return usernames;
	}

	/** The members of a group and of all its subgroups. */
	private static Set<String> groupMembers(RealmResource realm, String groupId) {
		Set<String> usernames = new TreeSet<>();
		Deque<String> groups = new ArrayDeque<>(List.of(groupId));
		Set<String> seen = new HashSet<>();
		while (!groups.isEmpty()) {
			String id = groups.pop();
			if (!seen.add(id)) {
				continue;
			}
			GroupResource group = realm.groups().group(id);
			pages((first, max) -> group.members(first, max, true)).forEach(user -> usernames.add(user.getUsername()));
			pages((first, max) -> group.getSubGroups(first, max, true)).forEach(sub -> groups.add(sub.getId()));
		}
		return usernames;
	}

	/** Every page of a paged admin API list. */
	private static <T> List<T> pages(BiFunction<Integer, Integer, List<T>> page) {
		List<T> all = new ArrayList<>();
		for (int first = 0;; first += PAGE) {
			List<T> items = page.apply(first, PAGE);
			all.addAll(items);
			if (items.size() < PAGE) {
				return all;
			}
		}
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
