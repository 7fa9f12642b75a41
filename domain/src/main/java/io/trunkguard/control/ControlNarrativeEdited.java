package io.trunkguard.control;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A compliance lead wrote a new version of a control's narrative. */
public record ControlNarrativeEdited(String controlCode, int version, String text, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CONTROL_NARRATIVE_EDITED";
	}

	@Override
	public String auditSubjectType() {
		return "Control";
	}

	@Override
	public String auditSubjectId() {
		return controlCode;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("version", version, "text", text);
	}
}
