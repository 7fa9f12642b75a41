package io.trunkguard.mfa;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A read of the identity provider was recorded (the reports module stores it as CC6.1
 * evidence, dated when it was read).
 */
public record MfaReadRecorded(UUID readId, String source, boolean identityProvider, int people, int exceptions,
		String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "MFA_READ";
	}

	@Override
	public String auditSubjectType() {
		return "MfaRead";
	}

	@Override
	public String auditSubjectId() {
		return readId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("source", source, "identityProvider", identityProvider, "people", people,
				"exceptions", exceptions);
	}

}
