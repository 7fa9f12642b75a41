package io.trunkguard.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.testsupport.AuditTrailTampering;

/**
 * The verify command reports an intact chain with exit code 0 and a tampered one with 1,
 * naming the entry.
 */
@EmbeddedDefaultTest
class AuditVerifyCommandIntegrationTest {

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void reportsAnIntactChainWithExitCodeZero() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exitCode = new AuditVerifyCommand(verifier, new PrintStream(out, true, StandardCharsets.UTF_8))
			.verifyAndReport();

		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Audit trail intact: ").contains("entries checked");
	}

	@Test
	void reportsAChangedEntryWithExitCodeOneAndItsSequenceNumber() {
		AuditTrailTampering tampering = new AuditTrailTampering(dataSource);
		String actor = jdbc.queryForObject("select actor from audit_entry where sequence = 2", String.class);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exitCode;
		try {
			tampering.changeColumn(2, "actor", "mallory");
			exitCode = new AuditVerifyCommand(verifier, new PrintStream(out, true, StandardCharsets.UTF_8))
				.verifyAndReport();
		}
		finally {
			tampering.changeColumn(2, "actor", actor);
		}

		assertThat(exitCode).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Audit trail BROKEN at entry 2: ");
		assertThat(verifier.verify().intact()).as("restored after the test").isTrue();
	}

}
