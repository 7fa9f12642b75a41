package io.trunkguard.review.integration;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.integration.keycloak.KeycloakUsers;
import io.trunkguard.review.Decision;
import io.trunkguard.review.RemediationPort;
import io.trunkguard.review.RemediationRequest;
import io.trunkguard.review.RemediationResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * {@link RemediationPort} on Keycloak (present when TRUNKGUARD_KEYCLOAK_URL is set, like
 * the adapter): a revocation removes the realm role named by the grant from the holder's
 * user; a reduction gives the lesser role first, then removes the old one (the holder is
 * never left with neither). Idempotent: a role already gone (or a lesser role already
 * held) is not an error. The user's realm roles are read back afterwards; anything
 * unexpected throws, so the process step is retried and ends in an incident if it keeps
 * failing.
 */
@Component
@ConditionalOnProperty(prefix = "trunkguard.keycloak", name = "url")
class KeycloakRemediation implements RemediationPort {

	/**
	 * The proof ends up in the item's remediation note (2000 characters, with room for a
	 * note about the grant).
	 */
	static final int MAX_PROOF = 1500;

	private final KeycloakUsers users;

	private final Clock clock;

	KeycloakRemediation(KeycloakUsers users, ObjectProvider<Clock> clock) {
		this.users = users;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public boolean supports(ConnectorType connector) {
		return connector == ConnectorType.KEYCLOAK;
	}

	@Override
	public RemediationResult remediate(RemediationRequest request) {
		String username = request.personUsername();
		if (username == null || username.isBlank()) {
			throw new IllegalStateException("item " + request.itemId() + ": " + request.systemName()
					+ " is a Keycloak system but the holder has no username to find their Keycloak user by");
		}
		String role = request.entitlement();
		boolean reduce = request.decision() == Decision.REDUCE;
		if (!reduce && request.decision() != Decision.REVOKE) {
			throw new IllegalArgumentException(
					"item " + request.itemId() + " asks for no change (" + request.decision() + ")");
		}
		if (!users.exists(username)) {
			if (reduce) {
				throw new IllegalStateException("Keycloak realm " + users.realmName() + " has no user " + username
						+ " to reduce from " + role + " to " + request.reducedTo());
			}
			return new RemediationResult(true, "Keycloak realm " + users.realmName() + " has no user " + username
					+ ", so realm role " + role + " is absent (checked " + now() + ")");
		}
		boolean added = reduce && users.addRealmRole(username, request.reducedTo());
		boolean removed = users.removeRealmRole(username, role);

		Set<String> held = users.realmRoles(username);
		if (held.contains(role)) {
			throw new IllegalStateException(
					"Keycloak user " + username + " still holds realm role " + role + " (read back: " + held + ")");
		}
		if (reduce && !held.contains(request.reducedTo())) {
			throw new IllegalStateException("Keycloak user " + username + " does not hold realm role "
					+ request.reducedTo() + " after the reduction (read back: " + held + ")");
		}
		StringBuilder proof = new StringBuilder("Keycloak realm ").append(users.realmName())
			.append(", user ")
			.append(username)
			.append(": realm role ")
			.append(role)
			.append(removed ? " removed" : " already absent");
		if (reduce) {
			proof.append(", realm role ").append(request.reducedTo()).append(added ? " added" : " already held");
		}
		proof.append("; read back at ")
			.append(now())
			.append(": ")
			.append(held.isEmpty() ? "no realm roles" : "realm roles " + held);
		return new RemediationResult(true,
				proof.length() <= MAX_PROOF ? proof.toString() : proof.substring(0, MAX_PROOF - 1) + "…");
	}

	private String now() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
