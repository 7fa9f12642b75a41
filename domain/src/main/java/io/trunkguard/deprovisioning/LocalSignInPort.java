package io.trunkguard.deprovisioning;

/**
 * The application's own sign-in (the local accounts of the embedded default, implemented
 * in {@code web}): used when no identity provider is configured, so a leaver who can sign
 * in to Trunkguard itself loses that sign-in.
 */
public interface LocalSignInPort {

	/**
	 * Disables the local sign-in of {@code username}; false if there is no such local
	 * account.
	 */
	boolean disable(String username, String reason);

	/** True if {@code username} has no local account or it is disabled. */
	boolean isDisabled(String username);

	/**
	 * True if {@code username}'s local account holds a privileged Trunkguard role (admin,
	 * auditor, compliance lead): disabling it waits for a second approver.
	 */
	default boolean isPrivileged(String username) {
		return false;
	}

}
