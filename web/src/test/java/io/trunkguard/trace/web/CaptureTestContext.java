package io.trunkguard.trace.web;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application as an SBC or a compliance lead meets it when pushing captures: real
 * HTTP on a random port, PostgreSQL, the Camunda job executor running the analysis jobs,
 * local accounts and the demo carriers, a capture limit of 1 MB so that "too large" can
 * be tried, and a file store of its own. One shared context for every test that uses this
 * annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "TRUNKGUARD_DEMO_ENABLED=true",
				"TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD=" + CaptureTestContext.LEAD_PASSWORD,
				"TRUNKGUARD_PASSWORD_ADMIN=" + CaptureTestContext.ADMIN_PASSWORD,
				"trunkguard.trace.max-capture-size=1MB",
				"trunkguard.evidence.directory=target/capture-test-files-${random.uuid}",
				"camunda.bpm.job-execution.enabled=true", "logging.level.root=WARN",
				"logging.level.io.trunkguard=INFO" })
@ActiveProfiles("postgres")
public @interface CaptureTestContext {

	String LEAD_PASSWORD = "lead-capture-pw-9";

	String ADMIN_PASSWORD = "admin-capture-pw-9";

}
