package io.trunkguard.access;

import io.trunkguard.people.PersonId;

import java.time.Instant;

/**
 * Criteria for {@link AccessService#searchGrants}; every field is optional.
 *
 * @param unusedSince only grants last used (or, never used, granted) before this instant:
 * the dormant ones
 * @param text matched case-insensitively against the entitlement
 */
public record GrantQuery(PersonId personId, SystemId systemId, GrantStatus status, Boolean privileged,
		Instant unusedSince, String text) {

	public static GrantQuery all() {
		return new GrantQuery(null, null, null, null, null, null);
	}

	public static GrantQuery activeOf(PersonId personId) {
		return new GrantQuery(personId, null, GrantStatus.ACTIVE, null, null, null);
	}

	public static GrantQuery activeOn(SystemId systemId) {
		return new GrantQuery(null, systemId, GrantStatus.ACTIVE, null, null, null);
	}

	public static GrantQuery dormant(Instant unusedSince) {
		return new GrantQuery(null, null, GrantStatus.ACTIVE, null, unusedSince, null);
	}

	public GrantQuery withStatus(GrantStatus newStatus) {
		return new GrantQuery(personId, systemId, newStatus, privileged, unusedSince, text);
	}

	public GrantQuery withPrivileged(Boolean newPrivileged) {
		return new GrantQuery(personId, systemId, status, newPrivileged, unusedSince, text);
	}
}
