package io.trunkguard.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditTrail;

/**
 * Refuses every request of a login that has ended since it was established, in every
 * mode, for browser sessions and bearer tokens alike:
 * <ul>
 * <li>the person behind it has left ({@link LeaverDirectory}: employment ended, or a
 * termination past its effective time is being carried out), whatever the identity
 * provider still believes;</li>
 * <li>its session at the identity provider ended (back-channel logout, recorded in
 * {@link EndedLoginSessions} by whichever node received it);</li>
 * <li>its local account was disabled (embedded default).</li>
 * </ul>
 * The browser session is invalidated and the request goes on unauthenticated, so the
 * login page (or a 401 for the API) follows at once instead of when the session or token
 * expires. Placed after the authentication filters (session, bearer token), before
 * authorization.
 */
class EndedLogins extends OncePerRequestFilter {

	static final String REFUSED = "ENDED_LOGIN_REFUSED";

	enum Reason {

		LEFT("the person has left"), IDENTITY_PROVIDER_SESSION_ENDED("the session at the identity provider has ended"),
		LOCAL_ACCOUNT_DISABLED("the local account is disabled");

		private final String sentence;

		Reason(String sentence) {
			this.sentence = sentence;
		}

	}

	private static final String ACCESS_ENDED_PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Access ended - Trunkguard</title>
			<link rel="stylesheet" href="%s/css/trunkguard.css"></head>
			<body><main class="content"><h1 id="access-ended-title">Your access has ended</h1>
			<p>Trunkguard has recorded that you have left, so your session was closed. If this is a mistake,
			ask a compliance lead or an admin.</p></main></body></html>
			""";

	private final ObjectProvider<LocalAccounts> localAccounts;

	private final ObjectProvider<LeaverDirectory> leavers;

	private final EndedLoginSessions endedSessions;

	private final AuditTrail trail;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	EndedLogins(ObjectProvider<LocalAccounts> localAccounts, ObjectProvider<LeaverDirectory> leavers,
			EndedLoginSessions endedSessions, AuditTrail trail) {
		this.localAccounts = localAccounts;
		this.leavers = leavers;
		this.endedSessions = endedSessions;
		this.trail = trail;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = contexts.getContext().getAuthentication();
		if (trust.isAuthenticated(current)) {
			Optional<Reason> reason = endedBecause(current);
			if (reason.isPresent()) {
				boolean bearer = current instanceof JwtAuthenticationToken;
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				contexts.clearContext();
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("reason", reason.get().sentence);
				details.put("credential", bearer ? "bearer token" : "browser session");
				String path = AuditingAccessDeniedHandler.pathOf(request);
				details.put("request", request.getMethod() + " " + path.substring(0, Math.min(path.length(), 500)));
				trail.record("system:security", REFUSED, "User",
						current.getName().substring(0, Math.min(current.getName().length(), AuditEntry.MAX_SUBJECT_ID)),
						details);
				if (reason.get() == Reason.LEFT && !bearer && !path.startsWith("/api/")
						&& !path.startsWith("/engine-rest/")) {
					// Not the login page: the identity provider may still hold a session
					// and would log the leaver straight back in, round and round.
					response.setStatus(HttpServletResponse.SC_FORBIDDEN);
					response.setContentType("text/html;charset=UTF-8");
					response.getWriter().write(ACCESS_ENDED_PAGE.formatted(request.getContextPath()));
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private Optional<Reason> endedBecause(Authentication current) {
		String username = current.getName();
		LocalAccounts accounts = localAccounts.getIfAvailable();
		// local accounts are disabled, never deleted: only an account marked disabled
		// ends
		// a login (a form login always has its account)
		if (accounts != null && current instanceof UsernamePasswordAuthenticationToken
				&& accounts.find(username).map(LocalAccounts.LocalAccount::disabled).orElse(false)) {
			return Optional.of(Reason.LOCAL_ACCOUNT_DISABLED);
		}
		LeaverDirectory directory = leavers.getIfAvailable();
		if (directory != null && directory.hasLeft(username)) {
			return Optional.of(Reason.LEFT);
		}
		if (endedSessions.hasEnded(identityProviderSession(current))) {
			return Optional.of(Reason.IDENTITY_PROVIDER_SESSION_ENDED);
		}
		return Optional.empty();
	}

	/**
	 * The OpenID Connect session id ({@code sid}) of a Keycloak login: in the ID token of
	 * a browser session and in the access token of a bearer call.
	 */
	static String identityProviderSession(Authentication authentication) {
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return user.getIdToken().getClaimAsString("sid");
		}
		if (authentication instanceof JwtAuthenticationToken jwt) {
			String sid = jwt.getToken().getClaimAsString("sid");
			return sid != null ? sid : jwt.getToken().getClaimAsString("session_state");
		}
		return null;
	}

}
