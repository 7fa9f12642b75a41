package io.trunkguard.vendor;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A carrier's encryption status was set from an analysed capture. */
public record EncryptionStatusChanged(VendorId vendorId, EncryptionStatus previous, EncryptionStatus status,
		Instant observedAt, String basis, String captureId, String actor,
		Instant occurredAt) implements AuditableEvent {

	/** Whether the carrier's traffic is less encrypted than before. */
	public boolean isRegression() {
		return previous != EncryptionStatus.NO_CAPTURE_ANALYSED && status.ordinal() > previous.ordinal();
	}

	@Override
	public String auditAction() {
		return "VENDOR_ENCRYPTION_STATUS_SET";
	}

	@Override
	public String auditSubjectType() {
		return "Vendor";
	}

	@Override
	public String auditSubjectId() {
		return vendorId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("previous", previous, "status", status, "observedAt", observedAt, "basis", basis,
				"captureId", captureId);
	}
}
