package io.trunkguard.evidence;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A file was stored; recorded in the audit trail with its hash. */
public record FileStored(StoredFileId fileId, String originalName, String sha256, long sizeBytes, String contentType,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "FILE_STORED";
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
		return AuditableEvent.details("name", originalName, "sha256", sha256, "sizeBytes", sizeBytes, "contentType",
				contentType);
	}
}
