package io.trunkguard.evidence;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A piece of evidence changed: its evidenced period (with the reason), or its status
 * (approved, flagged by an auditor with a comment, answered by a lead).
 *
 * @param action the audit action, e.g. {@code EVIDENCE_PERIOD_CHANGED}
 * @param details what changed, from and to, and why
 */
public record EvidenceChanged(UUID itemId, String action, Map<String, Object> details, String actor,
		Instant occurredAt) implements AuditableEvent {

	public EvidenceChanged {
		details = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(details));
	}

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditSubjectType() {
		return "EvidenceItem";
	}

	@Override
	public String auditSubjectId() {
		return itemId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return details;
	}
}
