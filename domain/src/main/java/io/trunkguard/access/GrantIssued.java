package io.trunkguard.access;

import io.trunkguard.people.PersonId;

import java.time.Instant;

/** A person was given access on a system. */
public record GrantIssued(GrantId grantId, PersonId personId, SystemId systemId, String entitlement, boolean privileged, String actor, Instant occurredAt) {
}
