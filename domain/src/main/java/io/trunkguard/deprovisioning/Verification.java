package io.trunkguard.deprovisioning;

import io.trunkguard.access.GrantId;

import java.util.List;

/**
 * What a verification of a case found.
 *
 * @param accountDisabled the identity provider account is disabled (or does not exist)
 * @param activeSessions sessions still open at the identity provider
 * @param activeGrants grants of the person still active
 */
public record Verification(boolean accountDisabled, int activeSessions, List<GrantId> activeGrants) {

	public Verification {
		activeGrants = List.copyOf(activeGrants);
	}

	/** Nothing is left: the case may close. */
	public boolean passed() {
		return accountDisabled && activeSessions == 0 && activeGrants.isEmpty();
	}

	/** A sentence saying what is left, for the case's log. */
	public String summary() {
		if (passed()) {
			return "account disabled, no sessions, no active grant";
		}
		return (accountDisabled ? "account disabled" : "account still enabled") + ", " + activeSessions
				+ " active session(s), " + activeGrants.size() + " active grant(s) " + activeGrants;
	}
}
