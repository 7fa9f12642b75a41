package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A grant was revoked; its holder no longer has that access (remediation listens to
 * this).
 */
public record GrantRevoked(GrantId grantId, PersonId personId, SystemId systemId, String entitlement, String reason,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "GRANT_REVOKED";
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
		return AuditableEvent.details("personId", personId, "systemId", systemId, "entitlement", entitlement, "reason",
				reason);
	}
}
