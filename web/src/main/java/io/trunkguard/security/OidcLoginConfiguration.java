package io.trunkguard.security;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Browser login through Keycloak ({@code trunkguard.security.login=oidc}, profile
 * {@code oidc}). Keycloak puts realm roles into the access token (not the ID token by
 * default), so the roles are read from the access token, verified with the same decoder
 * that guards the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trunkguard.security", name = "login", havingValue = "oidc")
class OidcLoginConfiguration {

	@Bean
	OAuth2UserService<OidcUserRequest, OidcUser> keycloakOidcUserService(JwtDecoder accessTokens) {
		OidcUserService delegate = new OidcUserService();
		return request -> {
			OidcUser user = delegate.loadUser(request);
			Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
			authorities.addAll(KeycloakRoles.authoritiesFrom(user.getClaims()));
			authorities.addAll(KeycloakRoles
				.authoritiesFrom(accessTokens.decode(request.getAccessToken().getTokenValue()).getClaims()));
			return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
					KeycloakRoles.PRINCIPAL_CLAIM);
		};
	}

}
