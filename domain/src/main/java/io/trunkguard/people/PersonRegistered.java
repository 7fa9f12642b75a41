package io.trunkguard.people;

import java.time.Instant;

/** A person was added to the register. */
public record PersonRegistered(PersonId personId, String hrId, String fullName, String actor, Instant occurredAt) {
}
