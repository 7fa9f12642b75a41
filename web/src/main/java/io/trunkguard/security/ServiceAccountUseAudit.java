package io.trunkguard.security;

import io.trunkguard.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In the {@code oidc} profile, audits every write made with a Keycloak client-credentials
 * token as {@code API_CLIENT_USED} by {@code client:<client id>}: the counterpart of the
 * embedded default's {@code API_TOKEN_USED}. Reads are left to Keycloak's own token log;
 * the business entries of a write name the same principal.
 */
class ServiceAccountUseAudit extends OncePerRequestFilter {

	static final String USED = "API_CLIENT_USED";

	private final AuditTrail trail;

	ServiceAccountUseAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && KeycloakRoles.isServiceAccount(current) && !SecurityConfiguration.isRead(request)) {
			String path = AuditingAccessDeniedHandler.pathOf(request);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("method", request.getMethod());
			details.put("path", path.length() > 500 ? path.substring(0, 500) : path);
			details.put("remoteAddress", request.getRemoteAddr());
			details.put("roles", current.getAuthorities().stream().map(a -> a.getAuthority()).sorted().toList());
			String client = current.getName().substring(KeycloakRoles.CLIENT_PREFIX.length());
			trail.record(current.getName(), USED, "ApiClient",
					client.length() > 100 ? client.substring(0, 100) : client, details);
		}
		chain.doFilter(request, response);
	}

}
