package io.trunkguard.security.apitoken;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.UnauthenticatedRefusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates a request that carries {@code Authorization: Bearer tg_…} as its API
 * token ({@code token:<name>} with the token's role), for this request only: no session
 * is created. An unknown, expired or revoked token is answered 401 as a problem detail
 * and the refusal is audited; every write made with a token is audited with its name
 * (reads only update the token's "last used").
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String USED = "API_TOKEN_USED";

	static final String REFUSED = "API_TOKEN_REFUSED";

	private final ApiTokens tokens;

	private final AuditTrail trail;

	private final UnauthenticatedRefusals refusals;

	private final ObjectMapper json;

	public ApiTokenAuthenticationFilter(ApiTokens tokens, AuditTrail trail, UnauthenticatedRefusals refusals,
			ObjectMapper json) {
		this.tokens = tokens;
		this.trail = trail;
		this.refusals = refusals;
		this.json = json;
	}

	/**
	 * Whether the request carries one of our API tokens (not some other bearer token).
	 */
	public static boolean carriesApiToken(HttpServletRequest request) {
		return secret(request) != null;
	}

	private static String secret(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String value = header.substring(7).strip();
		return value.startsWith(ApiTokens.TOKEN_PREFIX) ? value : null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return secret(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ApiToken> token = tokens.authenticate(secret(request));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (token.isEmpty()) {
			// no credential reaches the trail, and repeats from one address are counted
			// into one entry rather than flooding it
			refusals.record(REFUSED, UnauthenticatedRefusals.ANONYMOUS, "Request", request.getRemoteAddr(),
					details(request, path, "unknown, expired or revoked API token"),
					truncate(request.getMethod() + " " + path));
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"The API token is unknown, expired or revoked; ask an admin for a new one.");
			problem.setTitle("Unauthorized");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem);
			return;
		}
		ApiToken apiToken = token.get();
		PreAuthenticatedAuthenticationToken authentication = new PreAuthenticatedAuthenticationToken(
				apiToken.principal(), null, List.of(new SimpleGrantedAuthority(apiToken.role().authority())));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		if (!isRead(request)) {
			trail.record(apiToken.principal(), USED, "ApiToken", apiToken.name(), details(request, path, null));
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static boolean isRead(HttpServletRequest request) {
		String method = request.getMethod();
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	private static Map<String, Object> details(HttpServletRequest request, String path, String reason) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", request.getMethod());
		details.put("path", path.length() > 500 ? path.substring(0, 500) : path);
		details.put("remoteAddress", request.getRemoteAddr());
		if (reason != null) {
			details.put("reason", reason);
		}
		return details;
	}

	private static String truncate(String text) {
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

}
