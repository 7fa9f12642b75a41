package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An encryption remediation task is still open after its due date: mail to the owner's
 * manager and the compliance leads, and a security event. {@code description} says in a
 * sentence what the capture showed.
 */
public record EncryptionRemediationEscalated(UUID remediationId, VendorId vendorId, String vendorName, String trunk,
		RemediationCause cause, String description, String ownerUsername, String ownerName, LocalDate dueOn,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "ENCRYPTION_REMEDIATION_ESCALATED";
	}

	@Override
	public String auditSubjectType() {
		return "EncryptionRemediation";
	}

	@Override
	public String auditSubjectId() {
		return remediationId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("vendorId", vendorId, "carrier", vendorName, "trunk", trunk, "cause", cause,
				"owner", ownerUsername == null ? ownerName : ownerUsername, "ownerName", ownerName, "dueOn", dueOn);
	}

}
