package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A capture opened an encryption remediation task for a carrier's owner (a security event
 * for the SIEM, derived from its audit entry).
 */
public record EncryptionRemediationOpened(UUID remediationId, VendorId vendorId, String vendorName, String trunk,
		CaptureId captureId, String captureFile, RemediationCause cause, String ruleId, String description,
		List<Long> frames, String ownerUsername, String ownerName, LocalDate dueOn, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "ENCRYPTION_REMEDIATION_OPENED";
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
		return AuditableEvent.details("vendorId", vendorId, "carrier", vendorName, "trunk", trunk, "captureId",
				captureId, "captureFile", captureFile, "cause", cause.label(), "rule", ruleId, "description",
				description, "frames", frames.stream().limit(20).map(String::valueOf).toList(), "owner",
				ownerUsername == null ? ownerName : ownerUsername, "ownerName", ownerName, "dueOn", dueOn);
	}

}
