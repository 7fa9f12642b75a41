package io.trunkguard.people;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A step of an account binding request: requested, approved or rejected
 * ({@code auditAction}), with the accounts it moves.
 */
public record AccountBindingDecided(String requestId, PersonId personId, String hrId, String fromUsername,
		String toUsername, String requestedBy, String auditAction, String actor, Instant occurredAt,
		String note) implements AuditableEvent {

	AccountBindingDecided(AccountBindingRequest r, String action, String actor, Instant at, String note) {
		this(r.getId().toString(), r.getPersonId(), r.getHrId(), r.getFromUsername(), r.getToUsername(),
				r.getRequestedBy(), action, actor, at, note);
	}

	@Override
	public String auditSubjectType() {
		return "Person";
	}

	@Override
	public String auditSubjectId() {
		return personId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("request", requestId, "hrId", hrId, "fromUsername", fromUsername, "toUsername",
				toUsername, "requestedBy", requestedBy, "note", note);
	}
}
