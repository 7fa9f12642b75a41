package io.trunkguard.access.integration.keycloak;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The Keycloak adapter, on when {@code trunkguard.keycloak.url} is set: a
 * client-credentials admin client of the service account and {@link KeycloakUsers} on it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trunkguard.keycloak", name = "url")
class KeycloakAdminConfiguration {

	@Bean(destroyMethod = "close")
	Keycloak keycloakAdminClient(KeycloakAdminProperties properties) {
		if (properties.client().secret() == null || properties.client().secret().isBlank()) {
			throw new IllegalStateException(
					"TRUNKGUARD_KEYCLOAK_CLIENT_SECRET is required when TRUNKGUARD_KEYCLOAK_URL is set");
		}
		long timeout = properties.timeout().toMillis();
		return KeycloakBuilder.builder()
			.serverUrl(properties.url())
			.realm(properties.realm())
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(properties.client().id())
			.clientSecret(properties.client().secret())
			.resteasyClient(new ResteasyClientBuilderImpl().connectTimeout(timeout, TimeUnit.MILLISECONDS)
				.readTimeout(timeout, TimeUnit.MILLISECONDS)
				.connectionPoolSize(10)
				.build())
			.build();
	}

	@Bean
	KeycloakUsers keycloakUsers(Keycloak keycloak, KeycloakAdminProperties properties) {
		return new KeycloakUsers(keycloak, properties.realm());
	}

}
