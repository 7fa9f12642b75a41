package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A grant was reduced to a lesser entitlement. */
public record GrantReduced(GrantId grantId, PersonId personId, SystemId systemId, String previousEntitlement,
		String newEntitlement, boolean privileged, String reason, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "GRANT_REDUCED";
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
		return AuditableEvent.details("personId", personId, "systemId", systemId, "from", previousEntitlement, "to",
				newEntitlement, "privileged", privileged, "reason", reason);
	}
}
