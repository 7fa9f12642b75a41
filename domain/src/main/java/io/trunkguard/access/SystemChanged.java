package io.trunkguard.access;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A system's settings changed; {@code changedFields} names what changed. */
public record SystemChanged(SystemId systemId, String name, List<String> changedFields, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "SYSTEM_CHANGED";
	}

	@Override
	public String auditSubjectType() {
		return "System";
	}

	@Override
	public String auditSubjectId() {
		return systemId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("name", name, "changedFields", changedFields);
	}
}
