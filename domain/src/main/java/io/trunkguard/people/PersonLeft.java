package io.trunkguard.people;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A person left the organisation: their access must be removed (deprovisioning listens to
 * this).
 */
public record PersonLeft(PersonId personId, String hrId, LocalDate lastDay, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "PERSON_LEFT";
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
		return AuditableEvent.details("hrId", hrId, "lastDay", lastDay);
	}
}
