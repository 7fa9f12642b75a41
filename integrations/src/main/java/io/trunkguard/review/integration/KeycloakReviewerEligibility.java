package io.trunkguard.review.integration;

import io.trunkguard.access.integration.keycloak.KeycloakUsers;
import io.trunkguard.review.ReviewerEligibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may decide review items when people log in through Keycloak
 * ({@code trunkguard.security.login=oidc}) and the admin API is configured
 * ({@code trunkguard.keycloak.url}): a user of the realm, enabled, holding a realm role
 * that decides (reviewer, compliance lead, admin) and not the auditor's role, which only
 * reads. The realm roles are read through the admin API and kept for {@link #CACHE_FOR},
 * so a reassignment of many items asks Keycloak once per person.
 */
@Component
@ConditionalOnExpression("'${trunkguard.security.login:local}' == 'oidc' and '${trunkguard.keycloak.url:}' != ''")
class KeycloakReviewerEligibility implements ReviewerEligibility {

	/** How long an answer is reused. */
	static final Duration CACHE_FOR = Duration.ofSeconds(30);

	/**
	 * The realm roles that decide review items (the names of the application's roles, see
	 * the realm export).
	 */
	static final Set<String> DECIDING_ROLES = Set.of("reviewer", "compliance-lead", "admin");

	/** The realm role that only reads, everywhere. */
	static final String READ_ONLY_ROLE = "auditor";

	private record Answer(Optional<String> refusal, Instant at) {
	}

	private final KeycloakUsers users;

	private final Clock clock;

	private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();

	KeycloakReviewerEligibility(KeycloakUsers users, ObjectProvider<Clock> clock) {
		this.users = users;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Optional<String> refusal(String username) {
		Instant now = clock.instant();
		Answer cached = answers.get(username);
		if (cached != null && cached.at().plus(CACHE_FOR).isAfter(now)) {
			return cached.refusal();
		}
		Optional<String> refusal = ask(username);
		answers.put(username, new Answer(refusal, now));
		return refusal;
	}

	private Optional<String> ask(String username) {
		if (!users.exists(username)) {
			return Optional.of(username + " has no account in the Keycloak realm " + users.realmName()
					+ ", so could never open the items.");
		}
		if (users.isDisabled(username)) {
			return Optional.of(username + "'s Keycloak account is disabled, so they could never open the items.");
		}
		Set<String> roles = users.realmRoles(username);
		if (roles.contains(READ_ONLY_ROLE)) {
			return Optional.of(username + " is an auditor: auditors read campaigns but never decide review items.");
		}
		if (roles.stream().noneMatch(DECIDING_ROLES::contains)) {
			return Optional.of(username + " holds no role that decides review items in Keycloak "
					+ "(reviewer, compliance lead or admin), so could never open the items.");
		}
		return Optional.empty();
	}

}
