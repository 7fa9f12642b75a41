package io.trunkguard.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Keycloak's realm roles ({@code realm_access.roles}) become authorities
 * {@code ROLE_<role>}; the principal is {@code preferred_username}, the same name as the
 * demo person's login name.
 */
final class KeycloakRoles {

	static final String PRINCIPAL_CLAIM = "preferred_username";

	private KeycloakRoles() {
	}

	static JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setPrincipalClaimName(PRINCIPAL_CLAIM);
		converter.setJwtGrantedAuthoritiesConverter(jwt -> authoritiesFrom(jwt.getClaims()));
		return converter;
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
