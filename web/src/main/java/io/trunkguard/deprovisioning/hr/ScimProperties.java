package io.trunkguard.deprovisioning.hr;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of SCIM 2.0 ({@code trunkguard.scim.*}): {@code TRUNKGUARD_SCIM_TOKEN} binds
 * to {@code trunkguard.scim.token}, the bearer token of the HR or IdP client. Unset, SCIM
 * is off (503).
 */
@ConfigurationProperties("trunkguard.scim")
record ScimProperties(String token) {

	boolean enabled() {
		return token != null && !token.isBlank();
	}
}
