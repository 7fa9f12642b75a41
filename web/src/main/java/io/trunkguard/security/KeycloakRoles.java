package io.trunkguard.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak's realm roles ({@code realm_access.roles}) become authorities
 * {@code ROLE_<role>}; the principal is {@code preferred_username}, the same name as the
 * demo person's login name. A client-credentials token (a confidential client's service
 * account, for scripts and devices) is named {@code client:<client id>}, the counterpart
 * of the embedded default's {@code token:<name>}, so the audit trail names the client.
 */
final class KeycloakRoles {

	static final String PRINCIPAL_CLAIM = "preferred_username";

	private KeycloakRoles() {
	}

	/** Keycloak's prefix of a service account's {@code preferred_username}. */
	static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

	/** The principal prefix of a confidential client's service account. */
	static final String CLIENT_PREFIX = "client:";

	static Converter<Jwt, AbstractAuthenticationToken> jwtAuthenticationConverter() {
		return jwt -> new JwtAuthenticationToken(jwt, authoritiesFrom(jwt.getClaims()), principalName(jwt));
	}

	/**
	 * {@code preferred_username}, or {@code client:<azp>} for a service account's token.
	 */
	static String principalName(Jwt jwt) {
		String username = jwt.getClaimAsString(PRINCIPAL_CLAIM);
		String client = jwt.getClaimAsString("azp");
		if (client == null) {
			client = jwt.getClaimAsString("client_id");
		}
		if (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX) && client != null && !client.isBlank()) {
			return CLIENT_PREFIX + client;
		}
		return username != null ? username : jwt.getSubject();
	}

	/** Whether the authentication is a confidential client's service account. */
	static boolean isServiceAccount(org.springframework.security.core.Authentication authentication) {
		return authentication instanceof JwtAuthenticationToken && authentication.getName().startsWith(CLIENT_PREFIX);
	}

	static Set<GrantedAuthority> authoritiesFrom(Map<String, Object> claims) {
		Set<GrantedAuthority> authorities = new HashSet<>();
		if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
				&& realmAccess.get("roles") instanceof Collection<?> roles) {
			for (Object role : roles) {
				if (role instanceof String name && !name.isBlank()) {
					authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
				}
			}
		}
		return authorities;
	}

}
