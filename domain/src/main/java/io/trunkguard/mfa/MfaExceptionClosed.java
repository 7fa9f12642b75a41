package io.trunkguard.mfa;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An exception was closed: by its owner or a lead with a note, or by a read that found it
 * fixed.
 */
public record MfaExceptionClosed(UUID exceptionId, String username, String systemName, String role, String note,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "MFA_EXCEPTION_CLOSED";
	}

	@Override
	public String auditSubjectType() {
		return "MfaException";
	}

	@Override
	public String auditSubjectId() {
		return exceptionId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("username", username, "system", systemName, "role", role, "note", note);
	}

}
