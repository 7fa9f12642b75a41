package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.util.Map;

/** A capture was uploaded and stored; its analysis is queued. */
public record CaptureReceived(CaptureId captureId, String fileName, String sha256, long sizeBytes, CaptureLabel label,
		VendorId vendorId, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CAPTURE_RECEIVED";
	}

	@Override
	public String auditSubjectType() {
		return "Capture";
	}

	@Override
	public String auditSubjectId() {
		return captureId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("fileName", fileName, "sha256", sha256, "sizeBytes", sizeBytes, "label", label,
				"vendorId", vendorId);
	}
}
