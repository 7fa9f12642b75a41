package io.trunkguard.deprovisioning;

import io.trunkguard.shared.AuditableEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Every access of the person is removed and verified: the evidence of one deprovisioning.
 */
public record DeprovisioningCaseCompleted(DeprovisioningCaseId caseId, Instant effectiveAt, Instant lastAccessRemovedAt,
		Duration timeToDeprovision, boolean slaMet, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DEPROVISIONING_CASE_COMPLETED";
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
		return AuditableEvent.details("effectiveAt", effectiveAt, "lastAccessRemovedAt", lastAccessRemovedAt,
				"timeToDeprovisionSeconds", timeToDeprovision.toSeconds(), "slaMet", slaMet);
	}
}
