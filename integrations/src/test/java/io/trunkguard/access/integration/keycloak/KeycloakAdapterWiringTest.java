package io.trunkguard.access.integration.keycloak;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.deprovisioning.IdentityProviderPort;
import io.trunkguard.people.PersonId;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.Decision;
import io.trunkguard.review.RemediationPort;
import io.trunkguard.review.RemediationRequest;
import io.trunkguard.review.ReviewItemId;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the Keycloak adapters switch on and off with the environment, and what they refuse
 * before they call Keycloak. The calls themselves run against the test suite's real
 * Keycloak in the web module ({@code KeycloakRemediationIntegrationTest},
 * {@code KeycloakDeprovisioningIntegrationTest}); nothing here needs a server, since the
 * admin client connects on its first call.
 */
class KeycloakAdapterWiringTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(KeycloakAdminProperties.class)
	@ComponentScan({ "io.trunkguard.access.integration", "io.trunkguard.review.integration",
			"io.trunkguard.deprovisioning.integration" })
	static class Adapters {

	}

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Adapters.class);

	@Test
	void staysOffWithoutAKeycloakUrl() {
		context.run(c -> {
			assertThat(c).hasNotFailed();
			assertThat(c).doesNotHaveBean(Keycloak.class)
				.doesNotHaveBean(KeycloakUsers.class)
				.doesNotHaveBean(RemediationPort.class)
				.doesNotHaveBean(IdentityProviderPort.class);
		});
	}

	@Test
	void refusesToStartWithAUrlButNoClientSecret() {
		context.withPropertyValues("trunkguard.keycloak.url=http://127.0.0.1:9")
			.run(c -> assertThat(c).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("TRUNKGUARD_KEYCLOAK_CLIENT_SECRET is required when TRUNKGUARD_KEYCLOAK_URL is set"));
	}

	@Test
	void offersRemediationOfKeycloakSystemsAndTheIdentityProviderWithTheDefaults() {
		context
			.withPropertyValues("trunkguard.keycloak.url=http://127.0.0.1:9",
					"trunkguard.keycloak.client.secret=from-the-environment")
			.run(c -> {
				assertThat(c).hasNotFailed();
				KeycloakAdminProperties properties = c.getBean(KeycloakAdminProperties.class);
				assertThat(properties.realm()).isEqualTo("trunkguard");
				assertThat(properties.client().id()).isEqualTo("trunkguard-admin");
				assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(c.getBean(KeycloakUsers.class).realmName()).isEqualTo("trunkguard");
				RemediationPort remediation = c.getBean(RemediationPort.class);
				assertThat(remediation.supports(ConnectorType.KEYCLOAK)).isTrue();
				assertThat(remediation.supports(ConnectorType.MANUAL)).isFalse();
				assertThat(c.getBean(IdentityProviderPort.class).name()).isEqualTo("keycloak");
			});
	}

	@Test
	void refusesARemovalItCannotFindTheUserForBeforeCallingKeycloak() {
		context
			.withPropertyValues("trunkguard.keycloak.url=http://127.0.0.1:9",
					"trunkguard.keycloak.client.secret=from-the-environment")
			.run(c -> {
				RemediationPort remediation = c.getBean(RemediationPort.class);
				assertThatThrownBy(() -> remediation.remediate(request(null, Decision.REVOKE)))
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("the holder has no username to find their Keycloak user by");
				assertThatThrownBy(() -> remediation.remediate(request("harry", Decision.KEEP)))
					.isInstanceOf(IllegalArgumentException.class);
			});
	}

	static RemediationRequest request(String username, Decision decision) {
		return new RemediationRequest(ReviewItemId.random(), CampaignId.random(), GrantId.random(), PersonId.random(),
				username, SystemId.random(), "Keycloak Identity Provider", ConnectorType.KEYCLOAK, "sbc-admin",
				decision, null, "olga");
	}

}
