package io.trunkguard.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import io.trunkguard.audit.AuditTrail;

/**
 * Ends the browser session of a local account that was disabled after it logged in (a
 * leaver, see {@link LocalAccountDirectory#disable}): checked on every request of a
 * form-login session, the session is invalidated and the request goes on unauthenticated,
 * so the login page (or a 401 for the API) follows at once instead of when the session
 * times out. Placed right after the security context is loaded from the session.
 */
class DisabledAccountSessions extends OncePerRequestFilter {

	static final String SESSION_ENDED = "LOCAL_ACCOUNT_SESSION_ENDED";

	private final LocalAccounts accounts;

	private final AuditTrail trail;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	DisabledAccountSessions(LocalAccounts accounts, AuditTrail trail) {
		this.accounts = accounts;
		this.trail = trail;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = contexts.getContext().getAuthentication();
		if (current instanceof UsernamePasswordAuthenticationToken && current.isAuthenticated()
				&& accounts.find(current.getName()).map(LocalAccounts.LocalAccount::disabled).orElse(false)) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			contexts.clearContext();
			String path = AuditingAccessDeniedHandler.pathOf(request);
			trail.record("system:local-accounts", SESSION_ENDED, "LocalAccount", current.getName(),
					Map.of("reason", "account disabled", "path", path.substring(0, Math.min(path.length(), 500))));
		}
		chain.doFilter(request, response);
	}

}
