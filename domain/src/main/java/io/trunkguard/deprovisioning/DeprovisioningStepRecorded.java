package io.trunkguard.deprovisioning;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A case did something: disabled the account, ended sessions, revoked a grant, escalated,
 * verified.
 */
public record DeprovisioningStepRecorded(DeprovisioningCaseId caseId, StepKind kind, String grantId, String systemName,
		String note, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DEPROVISIONING_" + kind.name();
	}

	@Override
	public String auditSubjectType() {
		return "DeprovisioningCase";
	}

	@Override
	public String auditSubjectId() {
		return caseId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("grantId", grantId, "system", systemName, "note", note);
	}
}
