package io.trunkguard.deprovisioning;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A termination event joined a case that already existed (same event id, or the person
 * already being deprovisioned).
 */
public record TerminationReceiptRecorded(DeprovisioningCaseId caseId, String eventId, TerminationSource source,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DEPROVISIONING_DUPLICATE_RECEIVED";
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
		return AuditableEvent.details("eventId", eventId, "source", source);
	}
}
