package io.trunkguard.shared;

import java.util.Optional;
import java.util.Set;

/**
 * The accounts people log in with, as the installation's identity source knows them: the
 * local accounts of the embedded default, or the Keycloak realm when people log in
 * through Keycloak and its admin API is configured. The one place a business module asks
 * whether a login exists, is enabled and which roles it holds (reviewers reassigned to,
 * auditors assigned to an audit). Without an implementation (Keycloak login without the
 * admin API) nobody asks, and logins are checked for their form only.
 */
public interface LoginAccounts {

	/**
	 * A login as the identity source holds it: whether it is disabled and the names of
	 * its roles ({@code reviewer}, {@code compliance-lead}, {@code auditor},
	 * {@code admin}).
	 */
	record LoginAccount(String login, boolean disabled, Set<String> roles) {

		public LoginAccount {
			roles = roles == null ? Set.of() : Set.copyOf(roles);
		}

	}

	/** The account with exactly this login; empty if the identity source has none. */
	Optional<LoginAccount> account(String login);

	/**
	 * Where the accounts are, as a sentence names it: "this installation's local
	 * accounts", "the Keycloak realm trunkguard".
	 */
	String source();

}
