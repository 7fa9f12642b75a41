package io.trunkguard.security;

import io.trunkguard.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.trunkguard.audit.AuditActions;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.audit.LoginWords;

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

	static final String LOGIN_LOCKED_OUT = "LOGIN_LOCKED_OUT";

	private static final String SECURITY_ACTOR = "system:security";

	private final AuditTrail trail;

	private final UnauthenticatedRefusals refusals;

	private final ObjectProvider<LoginThrottle> throttle;

	SecurityAudit(AuditTrail trail, UnauthenticatedRefusals refusals, ObjectProvider<LoginThrottle> throttle) {
		this.trail = trail;
		this.refusals = refusals;
		this.throttle = throttle;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		Map<String, Object> details = origin(authentication);
		details.put("roles", Role.primaryOf(authentication).map(Role::roleName).orElse("none"));
		trail.record(actor(authentication.getName()), LOGIN_SUCCEEDED, "User", actor(authentication.getName()),
				details);
		LoginThrottle counts = throttle.getIfAvailable();
		if (counts != null && authentication instanceof UsernamePasswordAuthenticationToken) {
			counts.succeeded(authentication.getName());
		}
	}

	/**
	 * A failed login or bearer authentication. The actor is {@code anonymous} (nobody is
	 * authenticated; a typed name proves nothing), the typed name goes into the details,
	 * and a presented token only as a short hash: credentials never reach the trail.
	 * Repeats from one address are counted ({@link UnauthenticatedRefusals}); a failure
	 * that locks an account or address is a security event of its own.
	 */
	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		Map<String, Object> details = origin(attempt);
		String address = String.valueOf(details.remove("remoteAddress"));
		String reason = LoginWords.reason(event.getException().getClass().getSimpleName());
		details.put("reason", reason);
		String example = reason;
		if (attempt instanceof BearerTokenAuthenticationToken bearer) {
			details.put("tokenSha256Prefix", shortHash(bearer.getToken()));
		}
		else if (attempt instanceof UsernamePasswordAuthenticationToken) {
			String typed = typedName(attempt.getName());
			details.put("typedName", typed);
			example = typed;
		}
		refusals.record(LOGIN_FAILED, UnauthenticatedRefusals.ANONYMOUS, "User", address, details, example);
		LoginThrottle counts = throttle.getIfAvailable();
		if (counts != null && attempt instanceof UsernamePasswordAuthenticationToken) {
			LoginThrottle.Lockout lockout = counts.failed(attempt.getName(), address);
			if (lockout != LoginThrottle.Lockout.NONE) {
				Map<String, Object> locked = new LinkedHashMap<>();
				locked.put("typedName", typedName(attempt.getName()));
				locked.put("remoteAddress", address);
				locked.put("locked", lockout == LoginThrottle.Lockout.ACCOUNT ? "account" : "address");
				trail.record(SECURITY_ACTOR, LOGIN_LOCKED_OUT,
						lockout == LoginThrottle.Lockout.ACCOUNT ? "User" : "Address",
						lockout == LoginThrottle.Lockout.ACCOUNT ? typedName(attempt.getName()) : address, locked);
			}
		}
	}

	/** A typed user name as the trail keeps it: at most 100 characters. */
	static String typedName(String typed) {
		return typed == null ? "" : truncate(typed, 100);
	}

	/**
	 * The first 12 hex digits of the SHA-256 of a credential: enough to correlate, not to
	 * use.
	 */
	static String shortHash(String credential) {
		return Sha256.hex(credential).substring(0, 12);
	}

	/**
	 * A refused request of an authenticated caller, with the caller's role, so the
	 * security event it becomes names the person and the role.
	 */
	void refused(Authentication caller, String method, String path, String reason) {
		String actor = caller.getName();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("role", Role.primaryOf(caller).map(Role::roleName).orElse("none"));
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
		details.put("method",
				LoginWords.method(authentication == null ? null : authentication.getClass().getSimpleName()));
		return details;
	}

	private static String actor(String name) {
		return name == null || name.isBlank() ? "anonymous" : truncate(name, AuditEntry.MAX_ACTOR);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
