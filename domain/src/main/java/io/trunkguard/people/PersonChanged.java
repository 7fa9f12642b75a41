package io.trunkguard.people;

import java.time.Instant;
import java.util.List;

/** A person's details changed; {@code changedFields} names what changed. */
public record PersonChanged(PersonId personId, String hrId, List<String> changedFields, String actor, Instant occurredAt) {
}
