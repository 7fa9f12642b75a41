package io.trunkguard.people;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A person's details changed; {@code changedFields} names what changed. */
public record PersonChanged(PersonId personId, String hrId, List<String> changedFields, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "PERSON_CHANGED";
	}

	@Override
	public String auditSubjectType() {
		return "Person";
	}

	@Override
	public String auditSubjectId() {
		return personId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("hrId", hrId, "changedFields", changedFields);
	}
}
