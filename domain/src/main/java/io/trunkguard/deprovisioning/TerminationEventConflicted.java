package io.trunkguard.deprovisioning;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A termination event was refused because its id is already bound to another person's
 * case; recorded so that the refused termination is not lost from sight.
 */
public record TerminationEventConflicted(DeprovisioningCaseId boundCase, String eventId, String boundHrId,
		String namedHrId, TerminationSource source, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DEPROVISIONING_EVENT_CONFLICT";
	}

	@Override
	public String auditSubjectType() {
		return "DeprovisioningCase";
	}

	@Override
	public String auditSubjectId() {
		return boundCase.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("eventId", eventId, "boundHrId", boundHrId, "namedHrId", namedHrId, "source",
				source);
	}
}
