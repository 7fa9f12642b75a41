package io.trunkguard.security;

import java.time.Instant;
import java.util.List;

/**
 * The local accounts as the admin's home page lists them (no hashes). Exists only with
 * local login.
 */
public interface LocalAccountDirectory {

	record LocalAccountSummary(String username, String role, Instant passwordChangedAt) {
	}

	List<LocalAccountSummary> list();

	/**
	 * Disables the local account (it is kept, not deleted: a leaver's, when no identity
	 * provider is configured); false if there is no such account.
	 */
	boolean disable(String username, String reason);

	/** True if there is no such local account or it is disabled. */
	boolean isDisabled(String username);

}
