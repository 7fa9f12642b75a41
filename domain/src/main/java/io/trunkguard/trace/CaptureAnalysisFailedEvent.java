package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * An attempt to analyse a capture failed; the job is retried, then becomes an incident.
 */
public record CaptureAnalysisFailedEvent(CaptureId captureId, int attempt, String reason, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CAPTURE_ANALYSIS_FAILED";
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
		return AuditableEvent.details("attempt", attempt, "reason", reason);
	}
}
