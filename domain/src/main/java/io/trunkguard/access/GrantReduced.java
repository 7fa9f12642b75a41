package io.trunkguard.access;

import io.trunkguard.people.PersonId;

import java.time.Instant;

/** A grant was reduced to a lesser entitlement. */
public record GrantReduced(GrantId grantId, PersonId personId, SystemId systemId, String previousEntitlement, String newEntitlement, boolean privileged, String reason, String actor, Instant occurredAt) {
}
