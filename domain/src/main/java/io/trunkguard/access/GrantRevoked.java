package io.trunkguard.access;

import io.trunkguard.people.PersonId;

import java.time.Instant;

/** A grant was revoked; its holder no longer has that access (remediation listens to this). */
public record GrantRevoked(GrantId grantId, PersonId personId, SystemId systemId, String entitlement, String reason, String actor, Instant occurredAt) {
}
