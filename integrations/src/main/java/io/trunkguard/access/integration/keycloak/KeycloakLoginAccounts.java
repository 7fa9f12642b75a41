package io.trunkguard.access.integration.keycloak;

import io.trunkguard.shared.LoginAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The login accounts when people log in through Keycloak
 * ({@code trunkguard.security.login=oidc}) and the admin API is configured
 * ({@code trunkguard.keycloak.url}): the realm's users, whether they are enabled and
 * their realm roles, read through the admin API. An answer is kept for
 * {@link #CACHE_FOR}, so reassigning many review items or assigning several auditors asks
 * Keycloak once per person.
 */
@Component
@ConditionalOnExpression("'${trunkguard.security.login:local}' == 'oidc' and '${trunkguard.keycloak.url:}' != ''")
public class KeycloakLoginAccounts implements LoginAccounts {

	/** How long an answer is reused. */
	static final Duration CACHE_FOR = Duration.ofSeconds(30);

	private record Answer(Optional<LoginAccount> account, Instant at) {
	}

	private final KeycloakUsers users;

	private final Clock clock;

	private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();

	public KeycloakLoginAccounts(KeycloakUsers users, ObjectProvider<Clock> clock) {
		this.users = users;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Optional<LoginAccount> account(String login) {
		if (login == null || login.isBlank()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Answer cached = answers.get(login);
		if (cached != null && cached.at().plus(CACHE_FOR).isAfter(now)) {
			return cached.account();
		}
		Optional<LoginAccount> account = users.exists(login)
				? Optional.of(new LoginAccount(login, users.isDisabled(login), users.realmRoles(login)))
				: Optional.empty();
		answers.put(login, new Answer(account, now));
		return account;
	}

	@Override
	public String source() {
		return "the Keycloak realm " + users.realmName();
	}

}
