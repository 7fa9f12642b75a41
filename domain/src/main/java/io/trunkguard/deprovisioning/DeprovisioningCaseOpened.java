package io.trunkguard.deprovisioning;

import io.trunkguard.people.PersonId;
import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A termination event opened a case: the deprovisioning process starts on it (after
 * commit).
 */
public record DeprovisioningCaseOpened(DeprovisioningCaseId caseId, PersonId personId, String hrId, String eventId,
		TerminationSource source, Instant effectiveAt, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DEPROVISIONING_CASE_OPENED";
	}

	@Override
	public String auditSubjectType() {
		return "DeprovisioningCase";
	}

	@Override
	public String auditSubjectId() {
		return caseId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("personId", personId, "hrId", hrId, "eventId", eventId, "source", source,
				"effectiveAt", effectiveAt);
	}
}
