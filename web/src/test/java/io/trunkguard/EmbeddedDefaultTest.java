package io.trunkguard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The embedded default as one shared Spring context for every test that uses this
 * annotation (keep the properties identical, or each variant boots its own context): H2
 * (in memory here instead of under ./data), Flyway, the Camunda engine and webapps, local
 * accounts, demo data, a real server on a random port on 127.0.0.1, and MockMvc on the
 * same context.
 * <p>
 * Passwords come in as the {@code TRUNKGUARD_PASSWORD_<ROLE>} variables the configuration
 * reads; the reviewer's is left unset, so it is generated as on a first start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:trunkguard-embedded;DB_CLOSE_DELAY=-1", "trunkguard.demo.enabled=true",
		"TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD=" + EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD,
		"TRUNKGUARD_PASSWORD_AUDITOR=" + EmbeddedDefaultTest.AUDITOR_PASSWORD,
		"TRUNKGUARD_PASSWORD_ADMIN=" + EmbeddedDefaultTest.ADMIN_PASSWORD, "camunda.bpm.job-execution.enabled=false",
		"trunkguard.hr.webhook.secret=embedded-test-hr-webhook-secret",
		"trunkguard.scim.token=embedded-test-scim-token", "logging.level.root=WARN",
		"logging.level.io.trunkguard=INFO" })
@AutoConfigureMockMvc
public @interface EmbeddedDefaultTest {

	String COMPLIANCE_LEAD_PASSWORD = "compliance-lead-test-pw-7";

	String AUDITOR_PASSWORD = "auditor-test-pw-7";

	String ADMIN_PASSWORD = "admin-test-pw-7";

}
