package io.trunkguard.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses with 403 (a problem document for the API, the error page for browsers) and
 * writes every refusal of a logged-in user, such as an auditor's attempt to change
 * something, to the audit trail.
 */
@Component
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

	private final SecurityAudit audit;

	private final ObjectMapper json;

	private final AccessDeniedHandlerImpl pages = new AccessDeniedHandlerImpl();

	private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

	AuditingAccessDeniedHandler(SecurityAudit audit, ObjectMapper json) {
		this.audit = audit;
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException, ServletException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (trust.isAuthenticated(authentication)) {
			audit.refused(authentication, request.getMethod(), pathOf(request),
					exception instanceof CsrfException ? "missing or invalid CSRF token" : "role not permitted");
		}
		if (pathOf(request).startsWith("/api/") || pathOf(request).startsWith("/engine-rest/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					exception instanceof CsrfException ? "The request carries no valid CSRF token."
							: "Your role does not permit this request. The refusal has been recorded.");
			problem.setTitle("Forbidden");
			ProblemAuthenticationEntryPoint.write(json, response, problem);
			return;
		}
		pages.handle(request, response, exception);
	}

	static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

}
