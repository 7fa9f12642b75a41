package io.trunkguard.access;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A system was added to the register. */
public record SystemRegistered(SystemId systemId, String name, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "SYSTEM_REGISTERED";
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
		return AuditableEvent.details("name", name);
	}
}
