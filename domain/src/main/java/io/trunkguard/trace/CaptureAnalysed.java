package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** The analysis of a capture finished; its legs, findings and certificates are stored. */
public record CaptureAnalysed(CaptureId captureId, boolean complete, int legs, int unencryptedLegs, int findings,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CAPTURE_ANALYSED";
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
		return AuditableEvent.details("complete", complete, "legs", legs, "unencryptedLegs", unencryptedLegs,
				"findings", findings);
	}
}
