package io.trunkguard.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.trunkguard.audit.AuditActions;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditTrail;

/**
 * Writes what security decides to the audit trail: interactive logins (success and
 * failure, local or through Keycloak), refused requests, and changes of local accounts.
 */
@Component
class SecurityAudit {

	static final String LOGIN_SUCCEEDED = AuditActions.LOGIN_SUCCEEDED;
	static final String LOGIN_FAILED = AuditActions.LOGIN_FAILED;
	static final String WRITE_REFUSED = AuditActions.WRITE_REFUSED;
	static final String READ_REFUSED = AuditActions.ACCESS_DENIED;
	static final String LOCAL_ACCOUNT_CREATED = "LOCAL_ACCOUNT_CREATED";
	static final String LOCAL_ACCOUNT_PASSWORD_SET = "LOCAL_ACCOUNT_PASSWORD_SET";

	private static final String SYSTEM_ACTOR = "system:local-accounts";

	private final AuditTrail trail;

	SecurityAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		Map<String, Object> details = origin(authentication);
		details.put("roles", Role.primaryOf(authentication).map(Role::roleName).orElse("none"));
		trail.record(actor(authentication.getName()), LOGIN_SUCCEEDED, "User", actor(authentication.getName()),
				details);
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		String name = attempt == null ? null : attempt.getName();
		Map<String, Object> details = origin(attempt);
		details.put("reason", event.getException().getClass().getSimpleName());
		trail.record(actor(name), LOGIN_FAILED, "User", actor(name), details);
	}

	void refused(String actor, String method, String path, String reason) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", method);
		details.put("path", truncate(path, 500));
		details.put("reason", reason);
		boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
		trail.record(actor(actor), read ? READ_REFUSED : WRITE_REFUSED, "Request",
				truncate(method + " " + path, AuditEntry.MAX_SUBJECT_ID), details);
	}

	void localAccountCreated(String username, Role role) {
		trail.record(SYSTEM_ACTOR, LOCAL_ACCOUNT_CREATED, "LocalAccount", username, Map.of("role", role.roleName()));
	}

	void localAccountPasswordSet(String username) {
		trail.record(SYSTEM_ACTOR, LOCAL_ACCOUNT_PASSWORD_SET, "LocalAccount", username,
				Map.of("source", "environment"));
	}

	private static Map<String, Object> origin(Authentication authentication) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails web) {
			details.put("remoteAddress", web.getRemoteAddress());
		}
		details.put("method", authentication == null ? "unknown" : authentication.getClass().getSimpleName());
		return details;
	}

	private static String actor(String name) {
		return name == null || name.isBlank() ? "anonymous" : truncate(name, AuditEntry.MAX_ACTOR);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
