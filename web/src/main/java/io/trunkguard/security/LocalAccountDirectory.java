package io.trunkguard.security;

import java.time.Instant;
import java.util.List;

/**
 * The local accounts as the admin's home page lists them (no hashes). Exists only with
 * local login.
 */
public interface LocalAccountDirectory {

	record LocalAccountSummary(String username, String role, Instant passwordChangedAt, Instant disabledAt,
			String disabledReason) {

		public boolean disabled() {
			return disabledAt != null;
		}
	}

	List<LocalAccountSummary> list();

	/**
	 * Disables the local account (it is kept, not deleted: a leaver's, when no identity
	 * provider is configured); false if there is no such account.
	 */
	boolean disable(String username, String reason);

	/** True if there is no such local account or it is disabled. */
	boolean isDisabled(String username);

	/**
	 * True if the local account has a privileged role (admin, auditor, compliance lead):
	 * deprovisioning holds its disabling for a second approver.
	 */
	boolean isPrivileged(String username);

	/**
	 * Enables a disabled local account again (recovery); false if there is no such
	 * account or it was not disabled.
	 */
	boolean enable(String username);

}
