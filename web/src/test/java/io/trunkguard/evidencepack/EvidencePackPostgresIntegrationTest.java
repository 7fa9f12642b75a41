package io.trunkguard.evidencepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.testsupport.AuditTrailTampering;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;

/**
 * The evidence pack on a real PostgreSQL (the context of {@code PostgresIntegrationTest},
 * shared: same classes, properties and profile): a pack of the demo data verifies, and
 * fails on the audit trail head after an audit row is edited behind the append-only
 * trigger's back.
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "TRUNKGUARD_DEMO_ENABLED=true", "TRUNKGUARD_PASSWORD_ADMIN=admin-postgres-pw",
				"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN" })
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class EvidencePackPostgresIntegrationTest {

	@Autowired
	EvidencePacks packs;

	@Autowired
	EvidencePackVerifier verifier;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void verifiesAPackAndFailsOnTheHeadAfterAnAuditRowIsEdited() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PackSummary summary = packs.write(
				new PackRequest(PackRequest.CRITERIA, today.withDayOfYear(1), today, "compliance-lead", "PG audit"),
				out);
		byte[] zip = out.toByteArray();
		assertThat(summary.sha256()).isEqualTo(PackAssertions.sha256(zip));
		assertThat(PackAssertions.oscalErrors(PackAssertions.entries(zip).get("oscal/assessment-results.json")))
			.isEmpty();
		PackVerification intact = verifier.verify(new ByteArrayInputStream(zip));
		assertThat(intact.ok()).as(intact.sentence()).isTrue();

		long edited = Math.max(1, summary.head().sequence() - 1);
		String actor = jdbc.queryForObject("select actor from audit_entry where sequence = ?", String.class, edited);
		AuditTrailTampering tampering = new AuditTrailTampering(dataSource);
		PackVerification verdict;
		try {
			tampering.changeColumn(edited, "actor", "mallory");
			verdict = verifier.verify(new ByteArrayInputStream(zip));
		}
		finally {
			tampering.changeColumn(edited, "actor", actor);
		}

		assertThat(verdict.ok()).isFalse();
		assertThat(verdict.sentence()).startsWith("The audit trail head does not match: the live chain up to entry "
				+ summary.head().sequence() + " is broken at entry " + edited);
		assertThat(verifier.verify(new ByteArrayInputStream(zip)).ok()).as("restored").isTrue();
	}

}
