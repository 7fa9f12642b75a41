package io.trunkguard.mfa;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A read opened an exception for a system owner: a privileged person without a second
 * factor, or one the login does not require (a security event for the SIEM).
 */
public record MfaExceptionOpened(UUID exceptionId, String username, String personName, String systemName, String role,
		String ownerUsername, String ownerName, String reason, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "MFA_EXCEPTION_OPENED";
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
		return AuditableEvent.details("username", username, "personName", personName, "system", systemName, "role",
				role, "owner", ownerUsername, "ownerName", ownerName, "reason", reason);
	}

}
