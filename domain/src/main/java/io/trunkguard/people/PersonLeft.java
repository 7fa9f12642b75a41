package io.trunkguard.people;

import java.time.Instant;
import java.time.LocalDate;

/** A person left the organisation: their access must be removed (deprovisioning listens to this). */
public record PersonLeft(PersonId personId, String hrId, LocalDate lastDay, String actor, Instant occurredAt) {
}
