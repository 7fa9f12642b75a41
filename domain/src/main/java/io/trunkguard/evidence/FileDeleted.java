package io.trunkguard.evidence;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A stored file's bytes were deleted (the row stays); recorded in the audit trail. */
public record FileDeleted(StoredFileId fileId, String originalName, String sha256, long sizeBytes, String reason,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "FILE_DELETED";
	}

	@Override
	public String auditSubjectType() {
		return "StoredFile";
	}

	@Override
	public String auditSubjectId() {
		return fileId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("name", originalName, "sha256", sha256, "sizeBytes", sizeBytes, "reason", reason);
	}

}
