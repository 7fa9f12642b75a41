package io.trunkguard.testsupport;

import io.trunkguard.TrunkguardApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application acting on the test suite's real Keycloak ({@link KeycloakServer})
 * through the {@code trunkguard-admin} service account, with the job executor running, on
 * an in-memory H2 without demo data. Every test class that extends this shares one Spring
 * context (same configuration, same property source method), so the Keycloak-backed tests
 * of deprovisioning and access review remediation start the application once.
 */
@SpringBootTest(classes = TrunkguardApplication.class)
@AutoConfigureMockMvc
public abstract class KeycloakAdminApplicationTest {

	/**
	 * The HR webhook secret of this context (deprovisioning tests sign their events with
	 * it).
	 */
	public static final String HR_WEBHOOK_SECRET = "keycloak-test-webhook-secret";

	protected static final KeycloakServer keycloak = KeycloakServer.get();

	@DynamicPropertySource
	static void keycloakAdminProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:mem:deprovisioning-keycloak;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		registry.add("trunkguard.demo.enabled", () -> "false");
		registry.add("trunkguard.hr.webhook.secret", () -> HR_WEBHOOK_SECRET);
		registry.add("trunkguard.keycloak.url", keycloak::baseUrl);
		registry.add("trunkguard.keycloak.realm", () -> KeycloakServer.REALM);
		registry.add("trunkguard.keycloak.client.id", () -> KeycloakServer.ADMIN_CLIENT_ID);
		registry.add("trunkguard.keycloak.client.secret", () -> KeycloakServer.ADMIN_CLIENT_SECRET);
	}

}
