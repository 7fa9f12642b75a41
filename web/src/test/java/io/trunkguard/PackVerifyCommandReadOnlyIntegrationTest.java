package io.trunkguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.trunkguard.evidencepack.EvidencePacks;
import io.trunkguard.evidencepack.PackRequest;

/**
 * {@code --trunkguard.pack.verify=FILE} runs as the command line runs it, against the
 * database of a running installation (the embedded default's in-memory H2, shared in this
 * JVM): it exits 0 for a pack that installation exported, 1 for a file that is no pack,
 * and leaves every table it could have written to as it was (no Flyway, no process
 * deployment, no jobs, no demo data, no audit entry).
 */
@EmbeddedDefaultTest
class PackVerifyCommandReadOnlyIntegrationTest {

	private static final List<String> TABLES = List.of("\"flyway_schema_history\"", "audit_entry", "audit_chain_head",
			"local_account", "act_re_deployment", "act_re_procdef", "act_ge_bytearray", "act_id_group", "act_id_user",
			"act_ru_job", "act_ru_execution", "act_hi_procinst", "event_publication", "demo_data_load");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EvidencePacks packs;

	@Test
	void verifiesAPackWithoutWritingAnything(@TempDir Path dir) throws Exception {
		Path pack = dir.resolve("pack.zip");
		try (OutputStream out = Files.newOutputStream(pack)) {
			packs.write(new PackRequest(List.of("CC9.2"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
					"auditor", null), out);
		}
		Path notAPack = Files.writeString(dir.resolve("notes.zip"), "not a zip");
		Map<String, Long> before = counts();

		long started = System.nanoTime();
		int good = run(pack);
		long millis = (System.nanoTime() - started) / 1_000_000;
		int bad = run(notAPack);
		System.out.printf("pack verify command: started, verified and stopped in %d ms%n", millis);

		assertThat(good).isZero();
		assertThat(bad).isEqualTo(1);
		assertThat(counts()).isEqualTo(before);
	}

	private static int run(Path file) {
		ConfigurableApplicationContext command = SpringApplication
			.run(TrunkguardApplication.class, TrunkguardApplication.verifyCommandArguments(new String[] {
					"--spring.datasource.url=jdbc:h2:mem:trunkguard-embedded;DB_CLOSE_DELAY=-1",
					"--camunda.bpm.generate-unique-process-engine-name=true", "--trunkguard.pack.verify=" + file }));
		return SpringApplication.exit(command);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

}
