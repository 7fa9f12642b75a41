package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A capture's raw file (and key log) was deleted after its retention period; its report,
 * findings and evidence stay.
 */
public record CaptureRawFileDeleted(CaptureId captureId, String fileName, String sha256, long retentionDays,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CAPTURE_RAW_FILE_DELETED";
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
		return AuditableEvent.details("fileName", fileName, "sha256", sha256, "retentionDays", retentionDays);
	}

}
