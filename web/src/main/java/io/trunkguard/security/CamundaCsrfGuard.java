package io.trunkguard.security;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the Camunda webapps' CSRF header before Camunda does. Camunda's own
 * {@code CsrfPreventionFilter} answers a modifying request without a valid
 * {@code X-XSRF-TOKEN} header by invalidating the session, which here is the admin's
 * whole Trunkguard session: any page could log the admin out with a forged cross-site
 * request. This filter refuses such a request first, with 403 and an audit entry like
 * every other refusal, and leaves the session alone; a request with the right token
 * passes on to Camunda's check unchanged.
 */
class CamundaCsrfGuard extends OncePerRequestFilter {

	/** Where Camunda keeps the session's token. */
	static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";

	static final String HEADER = "X-XSRF-TOKEN";

	private final AuditingAccessDeniedHandler refusals;

	CamundaCsrfGuard(AuditingAccessDeniedHandler refusals) {
		this.refusals = refusals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SecurityConfiguration.isRead(request) || "TRACE".equals(request.getMethod())
				|| !AuditingAccessDeniedHandler.pathOf(request).startsWith("/camunda/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
		String presented = request.getHeader(HEADER);
		if (expected instanceof String token && presented != null && !presented.isBlank() && MessageDigest
			.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HEADER, "Required");
		refusals.handle(request, response, new CsrfException("missing or invalid Camunda CSRF header"));
	}

}
