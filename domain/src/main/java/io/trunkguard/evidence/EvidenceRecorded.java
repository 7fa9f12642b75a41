package io.trunkguard.evidence;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored file became evidence of some controls for a period. */
public record EvidenceRecorded(UUID itemId, StoredFileId fileId, String sha256, String title, List<String> controls,
		LocalDate evidencedFrom, LocalDate evidencedTo, String subjectType, String subjectId, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "EVIDENCE_RECORDED";
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
		return AuditableEvent.details("fileId", fileId, "sha256", sha256, "title", title, "controls", controls,
				"evidencedFrom", evidencedFrom, "evidencedTo", evidencedTo, "subject", subjectType + " " + subjectId);
	}
}
