package io.trunkguard.access.integration.keycloak;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The users of one Keycloak realm through the admin REST API, as deprovisioning and
 * remediation need them. Every operation is idempotent; every change is read back, and an
 * unconfirmed change throws like an unreachable server (the calling process step is
 * retried). Users are found by exact username; a missing user counts as disabled.
 */
public class KeycloakUsers {

	private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);

	/**
	 * How long the id of a user found by username is reused by the same thread for calls
	 * that only need the id (roles, sessions, logout): one process step asks a few of
	 * them for one user within milliseconds. States (enabled or not) are always read
	 * afresh.
	 */
	static final java.time.Duration ID_REUSE = java.time.Duration.ofSeconds(10);

	private final Keycloak keycloak;

	private final String realm;

	private final ThreadLocal<FoundId> lastFound = new ThreadLocal<>();

	private record FoundId(String username, String id, long foundAtNanos) {

		boolean fits(String wanted) {
			return username.equalsIgnoreCase(wanted) && System.nanoTime() - foundAtNanos < ID_REUSE.toNanos();
		}

	}

	public KeycloakUsers(Keycloak keycloak, String realm) {
		this.keycloak = keycloak;
		this.realm = realm;
	}

	/** Disables the user; false if there is no such user. */
	public boolean disableUser(String username) {
		Optional<UserRepresentation> found = find(username);
		if (found.isEmpty()) {
			log.info("Keycloak has no user {} to disable", username);
			return false;
		}
		UserResource user = realm().users().get(found.get().getId());
		// the search answers the full representation: changed and sent back as it is
		UserRepresentation representation = found.get();
		if (Boolean.TRUE.equals(representation.isEnabled())) {
			representation.setEnabled(false);
			user.update(representation);
		}
		if (Boolean.TRUE.equals(user.toRepresentation().isEnabled())) {
			throw new IllegalStateException("Keycloak user " + username + " is still enabled after disabling it");
		}
		log.info("Disabled Keycloak user {}", username);
		return true;
	}

	/** Ends every session of the user; returns how many there were. */
	public int logoutUser(String username) {
		return onUser(username, 0, user -> {
			int sessions = user.getUserSessions().size();
			user.logout();
			int left = user.getUserSessions().size();
			if (left > 0) {
				throw new IllegalStateException(
						"Keycloak user " + username + " still has " + left + " session(s) after logout");
			}
			return sessions;
		});
	}

	/** Removes a realm role; false if the user did not hold it or does not exist. */
	public boolean removeRealmRole(String username, String role) {
		return onUser(username, false, user -> {
			List<RoleRepresentation> held = user.roles()
				.realmLevel()
				.listAll()
				.stream()
				.filter(r -> r.getName().equals(role))
				.toList();
			if (held.isEmpty()) {
				return false;
			}
			user.roles().realmLevel().remove(held);
			if (user.roles().realmLevel().listAll().stream().anyMatch(r -> r.getName().equals(role))) {
				throw new IllegalStateException(
						"Keycloak user " + username + " still holds realm role " + role + " after removing it");
			}
			log.info("Removed realm role {} from Keycloak user {}", role, username);
			return true;
		});
	}

	/** Whether the realm has a user with exactly this username. */
	public boolean exists(String username) {
		return find(username).isPresent();
	}

	/**
	 * The names of the realm roles the user holds directly; empty if there is no such
	 * user.
	 */
	public java.util.Set<String> realmRoles(String username) {
		return this.<java.util.Set<String>>onUser(username, java.util.Set.of(), user -> {
			java.util.Set<String> names = new java.util.TreeSet<>();
			user.roles().realmLevel().listAll().forEach(r -> names.add(r.getName()));
			return java.util.Collections.unmodifiableSet(names);
		});
	}

	/**
	 * Gives the user a realm role; false if they held it already. Throws when the user or
	 * the role does not exist, or the role is not there when read back. Roles are looked
	 * up among the user's available roles, which needs only manage-users (not
	 * view-realm).
	 */
	public boolean addRealmRole(String username, String role) {
		UserRepresentation found = find(username).orElseThrow(
				() -> new IllegalStateException("Keycloak has no user " + username + " to give realm role " + role));
		UserResource user = realm().users().get(found.getId());
		if (user.roles().realmLevel().listAll().stream().anyMatch(r -> r.getName().equals(role))) {
			return false;
		}
		RoleRepresentation available = user.roles()
			.realmLevel()
			.listAvailable()
			.stream()
			.filter(r -> r.getName().equals(role))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Keycloak realm " + realm + " has no realm role " + role + " to give " + username));
		user.roles().realmLevel().add(List.of(available));
		if (user.roles().realmLevel().listAll().stream().noneMatch(r -> r.getName().equals(role))) {
			throw new IllegalStateException(
					"Keycloak user " + username + " does not hold realm role " + role + " after adding it");
		}
		log.info("Added realm role {} to Keycloak user {}", role, username);
		return true;
	}

	/** The realm this adapter acts on. */
	public String realmName() {
		return realm;
	}

	/** True if the user is disabled or does not exist. */
	public boolean isDisabled(String username) {
		return find(username).map(u -> !Boolean.TRUE.equals(u.isEnabled())).orElse(true);
	}

	/** The user's open sessions. */
	public int activeSessions(String username) {
		return onUser(username, 0, user -> user.getUserSessions().size());
	}

	/**
	 * Acts on the user with this username, or answers {@code absent} if there is none.
	 * The id is the one this thread found for the same username less than
	 * {@link #ID_REUSE} ago, or found now; a reused id whose user is gone (deleted
	 * meanwhile) is looked up again.
	 */
	private <T> T onUser(String username, T absent, java.util.function.Function<UserResource, T> action) {
		FoundId last = lastFound.get();
		boolean reused = last != null && last.fits(username);
		Optional<String> id = reused ? Optional.of(last.id()) : find(username).map(UserRepresentation::getId);
		if (id.isEmpty()) {
			return absent;
		}
		try {
			return action.apply(realm().users().get(id.get()));
		}
		catch (jakarta.ws.rs.NotFoundException gone) {
			lastFound.remove();
			if (!reused) {
				throw gone;
			}
			return onUser(username, absent, action);
		}
	}

	/** Searches the user by exact username; remembers the id for {@link #onUser}. */
	private Optional<UserRepresentation> find(String username) {
		lastFound.remove();
		Optional<UserRepresentation> found = realm().users()
			.searchByUsername(username, true)
			.stream()
			.filter(u -> username.equalsIgnoreCase(u.getUsername()))
			.findFirst();
		found.ifPresent(u -> lastFound.set(new FoundId(username, u.getId(), System.nanoTime())));
		return found;
	}

	private RealmResource realm() {
		return keycloak.realm(realm);
	}

}
