package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An encryption remediation task was closed by a newer capture or an accepted risk. */
public record EncryptionRemediationClosed(UUID remediationId, VendorId vendorId, String trunk,
		RemediationClosure closure, CaptureId closingCaptureId, String justification, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "ENCRYPTION_REMEDIATION_CLOSED";
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
		return AuditableEvent.details("vendorId", vendorId, "trunk", trunk, "closure", closure.label(), "captureId",
				closingCaptureId, "justification", justification);
	}

}
