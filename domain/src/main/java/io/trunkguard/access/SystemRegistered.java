package io.trunkguard.access;

import java.time.Instant;

/** A system was added to the register. */
public record SystemRegistered(SystemId systemId, String name, String actor, Instant occurredAt) {
}
