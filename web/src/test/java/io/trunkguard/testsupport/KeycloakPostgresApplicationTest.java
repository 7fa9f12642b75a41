package io.trunkguard.testsupport;

import io.trunkguard.TrunkguardApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application as deployed with an identity provider: profile {@code postgres}
 * on the shared embedded PostgreSQL ({@link EmbeddedPostgresTestConfiguration}), acting
 * on the test suite's real Keycloak ({@link KeycloakServer}, the one every Keycloak test
 * shares) through the {@code trunkguard-admin} service account, without demo data and
 * with the job executor off (tests call the services and APIs themselves). Every test
 * class that extends this shares one Spring context.
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "trunkguard.demo.enabled=false", "camunda.bpm.job-execution.enabled=false",
				"logging.level.root=WARN" })
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
public abstract class KeycloakPostgresApplicationTest {

	protected static final KeycloakServer keycloak = KeycloakServer.get();

	@DynamicPropertySource
	static void keycloakAdminProperties(DynamicPropertyRegistry registry) {
		registry.add("trunkguard.keycloak.url", keycloak::baseUrl);
		registry.add("trunkguard.keycloak.realm", () -> KeycloakServer.REALM);
		registry.add("trunkguard.keycloak.client.id", () -> KeycloakServer.ADMIN_CLIENT_ID);
		registry.add("trunkguard.keycloak.client.secret", () -> KeycloakServer.ADMIN_CLIENT_SECRET);
	}

}
