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

	/**
	 * The request attribute holding the sentence of a {@link RefusedAction}, which the
	 * 403 page shows.
	 */
	static final String REFUSAL = "refusal";

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
		String sentence = exception instanceof RefusedAction refused ? refused.getMessage() : null;
		if (trust.isAuthenticated(authentication)) {
			audit.refused(authentication, request.getMethod(), pathOf(request), sentence != null ? sentence
					: exception instanceof CsrfException ? "missing or invalid CSRF token" : "role not permitted");
		}
		if (sentence != null) {
			request.setAttribute(REFUSAL, sentence);
		}
		if (pathOf(request).startsWith("/api/") || pathOf(request).startsWith("/engine-rest/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					sentence != null ? sentence + " The refusal has been recorded."
							: exception instanceof CsrfException ? "The request carries no valid CSRF token."
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
