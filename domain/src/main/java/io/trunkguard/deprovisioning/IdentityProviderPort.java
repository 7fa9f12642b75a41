package io.trunkguard.deprovisioning;

/**
 * The identity provider whose accounts deprovisioning disables (implemented in
 * {@code integrations}, e.g. by the Keycloak admin client). Every operation is idempotent
 * (a process step that failed is retried) and throws on any failure to reach the
 * provider; an account that does not exist counts as disabled, without sessions or roles.
 */
public interface IdentityProviderPort {

	/** A name for the case's log, e.g. {@code keycloak}. */
	String name();

	/** Disables the account; false if there is no such account. */
	boolean disableUser(String username);

	/** Ends every session of the account; returns how many there were. */
	int logoutUser(String username);

	/**
	 * Removes a realm role from the account; false if it did not hold it (or there is no
	 * such account).
	 */
	boolean removeRealmRole(String username, String role);

	/** True if the account is disabled or does not exist. */
	boolean isDisabled(String username);

	/** The number of sessions the account has open now. */
	int activeSessions(String username);

	/**
	 * True if {@code username}'s account holds a privileged Trunkguard role (admin,
	 * auditor, compliance lead): disabling it waits for a second approver.
	 */
	default boolean isPrivileged(String username) {
		return false;
	}

}
