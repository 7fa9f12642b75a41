package io.trunkguard.security.apitoken;

import io.trunkguard.security.Role;

import java.time.Instant;
import java.util.UUID;

/** One API token as listed: never its secret. */
public record ApiToken(UUID id, String name, Role role, String prefix, String createdBy, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy) {

	/** The name requests made with it carry in the audit trail. */
	public String principal() {
		return ApiTokens.PRINCIPAL_PREFIX + name;
	}

	public boolean usableAt(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

	/** "active", "expired" or "revoked", for people. */
	public String state(Instant now) {
		if (revokedAt != null) {
			return "revoked";
		}
		return now.isBefore(expiresAt) ? "active" : "expired";
	}

}
