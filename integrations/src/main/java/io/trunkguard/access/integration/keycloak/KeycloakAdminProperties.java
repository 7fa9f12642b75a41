package io.trunkguard.access.integration.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The Keycloak admin API ({@code trunkguard.keycloak.*}), bound from the environment:
 * {@code TRUNKGUARD_KEYCLOAK_URL} (e.g. {@code http://127.0.0.1:8180}),
 * {@code TRUNKGUARD_KEYCLOAK_REALM}, {@code TRUNKGUARD_KEYCLOAK_CLIENT_ID},
 * {@code TRUNKGUARD_KEYCLOAK_CLIENT_SECRET}. Without a URL the adapter is off.
 *
 * @param url the server's base URL
 * @param realm the realm whose users are deprovisioned
 * @param client the service-account client (realm-management manage-users, view-users,
 * query-users)
 * @param timeout connect and read timeout of each call
 */
@ConfigurationProperties("trunkguard.keycloak")
record KeycloakAdminProperties(String url, @DefaultValue("trunkguard") String realm, @DefaultValue Client client,
		@DefaultValue("10s") Duration timeout) {

	record Client(@DefaultValue("trunkguard-admin") String id, String secret) {
	}
}
