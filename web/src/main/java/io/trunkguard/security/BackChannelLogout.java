package io.trunkguard.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import io.trunkguard.audit.AuditTrail;

/**
 * Handles Keycloak's OpenID Connect back-channel logout
 * ({@code POST /logout/connect/back-channel/keycloak}), after Spring Security has
 * verified the logout token (signature, issuer, audience, event): the session it names is
 * recorded as ended in the database, so every node refuses the browser sessions and
 * bearer tokens of that session on their next request ({@link EndedLogins}). This is also
 * how a deprovisioned leaver's open session ends when deprovisioning logs them out of
 * Keycloak.
 */
class BackChannelLogout implements LogoutHandler {

	static final String IDENTITY_PROVIDER_LOGOUT = "IDENTITY_PROVIDER_LOGOUT";

	private final EndedLoginSessions endedSessions;

	private final AuditTrail trail;

	BackChannelLogout(EndedLoginSessions endedSessions, AuditTrail trail) {
		this.endedSessions = endedSessions;
		this.trail = trail;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
			return;
		}
		String sessionId = token.getSessionId();
		if (sessionId == null) {
			// A logout of every session of the subject: Keycloak always names the
			// session; without one there is nothing to match requests against.
			return;
		}
		if (endedSessions.end(sessionId, token.getSubject())) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("issuer", String.valueOf(token.getIssuer()));
			details.put("subject", token.getSubject());
			trail.record("system:identity-provider", IDENTITY_PROVIDER_LOGOUT, "IdentityProviderSession", sessionId,
					details);
		}
	}

}
