package io.trunkguard.engagement;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** An audit was created or changed by a compliance lead or an admin. */
public record AuditEngagementChanged(AuditEngagementId auditId, boolean created, String name, String from, String to,
		String criteria, String auditors, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return created ? "AUDIT_ENGAGEMENT_CREATED" : "AUDIT_ENGAGEMENT_CHANGED";
	}

	@Override
	public String auditSubjectType() {
		return "Audit";
	}

	@Override
	public String auditSubjectId() {
		return auditId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("name", name, "from", from, "to", to, "criteria", criteria, "auditors", auditors);
	}

}
