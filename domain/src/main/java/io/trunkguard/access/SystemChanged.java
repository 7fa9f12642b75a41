package io.trunkguard.access;

import java.time.Instant;
import java.util.List;

/** A system's settings changed; {@code changedFields} names what changed. */
public record SystemChanged(SystemId systemId, String name, List<String> changedFields, String actor, Instant occurredAt) {
}
