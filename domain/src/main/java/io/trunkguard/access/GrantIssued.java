package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A person was given access on a system. */
public record GrantIssued(GrantId grantId, PersonId personId, SystemId systemId, String entitlement, boolean privileged,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "GRANT_ISSUED";
	}

	@Override
	public String auditSubjectType() {
		return "Grant";
	}

	@Override
	public String auditSubjectId() {
		return grantId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("personId", personId, "systemId", systemId, "entitlement", entitlement,
				"privileged", privileged);
	}
}
