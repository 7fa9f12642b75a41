package io.trunkguard.mfa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider's answer about second factors (implemented by the Keycloak
 * adapter). Absent in the embedded default, where people log in with local accounts and
 * no identity provider can vouch for a second factor.
 */
public interface MfaDirectory {

	/** Where the answers come from, e.g. "Keycloak realm trunkguard at http://…". */
	String source();

	/** Whether, and for whom, the realm requires a second factor at login. */
	RealmPolicy policy();

	/**
	 * The holders of the given realm roles (Trunkguard's own roles), by username, with
	 * the roles each holds among them.
	 */
	Map<String, Set<String>> holdersOf(Set<String> roles);

	/** The account of a username, or empty when the realm has no such user. */
	Optional<Account> account(String username);

	/**
	 * What the realm requires.
	 *
	 * @param requiredForEveryone the browser login asks everyone for a second factor
	 * @param requiredForRoles realm roles whose holders the login asks for a second
	 * factor (conditional OTP on a role)
	 * @param setupOnFirstLogin setting up a second factor is a default required action,
	 * so new users must set one up at their first login
	 * @param sentences what was found, in words, for the report
	 */
	record RealmPolicy(boolean requiredForEveryone, Set<String> requiredForRoles, boolean setupOnFirstLogin,
			List<String> sentences) {

		public RealmPolicy {
			requiredForRoles = Set.copyOf(requiredForRoles);
			sentences = List.copyOf(sentences);
		}

		/** Whether the login asks a holder of these realm roles for a second factor. */
		public boolean requires(Set<String> realmRoles) {
			return requiredForEveryone || realmRoles.stream().anyMatch(requiredForRoles::contains);
		}

	}

	/**
	 * One user of the realm.
	 *
	 * @param factors the second factors set up, in words ("one-time password (OTP)",
	 * "security key (WebAuthn)")
	 * @param setupPending the user must set up a second factor at their next login (a
	 * required action on the user)
	 * @param realmRoles every realm role the user holds, directly or through groups and
	 * composites
	 */
	record Account(String username, boolean enabled, List<String> factors, boolean setupPending,
			Set<String> realmRoles) {

		public Account {
			factors = List.copyOf(factors);
			realmRoles = Set.copyOf(realmRoles);
		}

	}

}
