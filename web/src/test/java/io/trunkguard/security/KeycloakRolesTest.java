package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak tokens become Trunkguard logins: realm roles to authorities,
 * preferred_username to the name.
 */
class KeycloakRolesTest {

	@Test
	void mapsRealmRolesToAuthoritiesAndPreferredUsernameToThePrincipal() {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("5f0c-uuid-of-the-user")
			.claim("preferred_username", "compliance-lead")
			.claim("realm_access", Map.of("roles", List.of("compliance-lead", "offline_access")))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();

		AbstractAuthenticationToken authentication = KeycloakRoles.jwtAuthenticationConverter().convert(jwt);

		assertThat(authentication.getName()).isEqualTo("compliance-lead");
		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_compliance-lead", "ROLE_offline_access");
		assertThat(Role.primaryOf(authentication)).contains(Role.COMPLIANCE_LEAD);
	}

	@Test
	void namesAServiceAccountTokenByItsClient() {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("service-account-uuid")
			.claim("preferred_username", "service-account-nightly-sbc")
			.claim("azp", "nightly-sbc")
			.claim("realm_access", Map.of("roles", List.of("compliance-lead")))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();

		AbstractAuthenticationToken authentication = KeycloakRoles.jwtAuthenticationConverter().convert(jwt);

		assertThat(authentication.getName()).isEqualTo("client:nightly-sbc");
		assertThat(KeycloakRoles.isServiceAccount(authentication)).isTrue();
		assertThat(Role.primaryOf(authentication)).contains(Role.COMPLIANCE_LEAD);
	}

	@Test
	void givesNoAuthoritiesWhenTheTokenCarriesNoRealmRoles() {
		assertThat(KeycloakRoles.authoritiesFrom(Map.of("preferred_username", "someone"))).isEmpty();
		assertThat(KeycloakRoles.authoritiesFrom(Map.of("realm_access", "not-a-map"))).isEmpty();
		assertThat(KeycloakRoles.authoritiesFrom(Map.of("realm_access", Map.of("roles", List.of(1, "", "admin")))))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_admin");
	}

}
