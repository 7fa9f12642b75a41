package io.trunkguard.people;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A person was added to the register. */
public record PersonRegistered(PersonId personId, String hrId, String fullName, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "PERSON_REGISTERED";
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
		return AuditableEvent.details("hrId", hrId, "fullName", fullName);
	}
}
