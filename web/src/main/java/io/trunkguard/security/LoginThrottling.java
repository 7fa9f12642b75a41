package io.trunkguard.security;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login form post whose account name or address must still wait
 * ({@link LoginThrottle}) before the password is even checked, and sends the browser back
 * to the login page with a neutral message. Each such refusal is audited, counted per
 * source address ({@link UnauthenticatedRefusals}).
 */
class LoginThrottling extends OncePerRequestFilter {

	static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";

	private final LoginThrottle throttle;

	private final UnauthenticatedRefusals refusals;

	LoginThrottling(LoginThrottle throttle, UnauthenticatedRefusals refusals) {
		this.throttle = throttle;
		this.refusals = refusals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(HttpMethod.POST.matches(request.getMethod())
				&& "/login".equals(AuditingAccessDeniedHandler.pathOf(request)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String typed = request.getParameter("username");
		Optional<Duration> wait = throttle.waitBefore(typed, request.getRemoteAddr());
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String name = SecurityAudit.typedName(typed);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("typedName", name);
		details.put("waitSeconds", Math.max(1, wait.get().toSeconds()));
		refusals.record(LOGIN_THROTTLED, UnauthenticatedRefusals.ANONYMOUS, "User", request.getRemoteAddr(), details,
				name);
		response.sendRedirect(request.getContextPath() + "/login?paused");
	}

}
