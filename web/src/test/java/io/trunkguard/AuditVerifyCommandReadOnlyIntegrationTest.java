package io.trunkguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17: {@code --trunkguard.audit.verify-and-exit} booted the whole application, ran
 * Flyway and the deprovisioning recovery. A verifier only reads: run as the command line
 * runs it, against the database of a running installation (the embedded default's
 * in-memory H2, shared in this JVM), it exits 0 and leaves every table it could have
 * written to as it was. Prints how long it took.
 */
@EmbeddedDefaultTest
class AuditVerifyCommandReadOnlyIntegrationTest {

	private static final List<String> TABLES = List.of("\"flyway_schema_history\"", "audit_entry", "audit_chain_head",
			"local_account", "act_re_deployment", "act_re_procdef", "act_ge_bytearray", "act_id_group", "act_id_user",
			"act_ru_job", "act_ru_execution", "act_hi_procinst", "event_publication", "demo_data_load");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void verifiesTheChainWithoutWritingAnything() {
		Map<String, Long> before = counts();
		String head = jdbc.queryForObject("select last_hash from audit_chain_head", String.class);

		long started = System.nanoTime();
		ConfigurableApplicationContext command = SpringApplication
			.run(TrunkguardApplication.class, TrunkguardApplication.verifyCommandArguments(new String[] {
					"--spring.datasource.url=jdbc:h2:mem:trunkguard-embedded;DB_CLOSE_DELAY=-1",
					"--camunda.bpm.generate-unique-process-engine-name=true", "--trunkguard.audit.verify-and-exit" }));
		int exitCode = SpringApplication.exit(command);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("audit verify command: started, verified and stopped in %d ms%n", millis);

		assertThat(exitCode).isZero();
		assertThat(counts()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select last_hash from audit_chain_head", String.class)).isEqualTo(head);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

}
