package io.trunkguard.access.web;

import java.time.Instant;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.GrantStatus;

/** An access grant as the API shows it. */
record GrantResponse(String id, String personId, String systemId, String entitlement, boolean privileged,
		Instant grantedAt, String grantedBy, Instant lastUsedAt, GrantStatus status, Instant revokedAt,
		String revokedBy, String revocationReason) {

	static GrantResponse of(AccessGrant grant) {
		return new GrantResponse(grant.getId().toString(), grant.getPersonId().toString(),
				grant.getSystemId().toString(), grant.getEntitlement(), grant.isPrivileged(), grant.getGrantedAt(),
				grant.getGrantedBy(), grant.getLastUsedAt(), grant.getStatus(), grant.getRevokedAt(),
				grant.getRevokedBy(), grant.getRevocationReason());
	}
}
