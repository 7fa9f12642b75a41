package io.trunkguard.evidencepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;

/**
 * Issue 11's pack bench on the embedded PostgreSQL: a year of records (50,000 review
 * decisions, 1,000 deprovisioning cases, 100 captures with their stored report PDFs, 200
 * carrier reviews with their stored review records, 50 questionnaires) seeded straight
 * into the tables, then one pack of the year written to a file, timed, and verified.
 * Prints the lines starting with {@code BENCH}: seeding time, build time, pack size and
 * files, the heap limit, the peak heap used and the garbage collections during the build;
 * fails when the build takes 60 s or more.
 * <p>
 * Not part of the test suite (the name does not match Surefire's patterns); run it at the
 * issue's heap with
 * {@code ./mvnw -B -o -pl web -am test -Dtest=EvidencePackBench -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx512m}
 * and read
 * {@code web/target/surefire-reports/io.trunkguard.evidencepack.EvidencePackBench-output.txt}.
 * {@code -Dbench.decisions=N} changes the number of review decisions.
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "trunkguard.demo.enabled=false", "camunda.bpm.job-execution.enabled=false",
				"logging.level.root=WARN", "logging.level.io.trunkguard=WARN",
				"logging.level.io.trunkguard.evidencepack.reports=DEBUG" })
@ActiveProfiles("postgres")
class EvidencePackBench {

	static final int YEAR = 2025;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EvidenceService evidence;

	@Autowired
	EvidencePacks packs;

	@Autowired
	EvidencePackVerifier verifier;

	@Test
	void buildsAYearsPackWithinAMinute(@TempDir Path dir) throws Exception {
		int decisions = Integer.getInteger("bench.decisions", 50_000);
		long seedStart = System.nanoTime();
		int stored = new PackSeed(jdbc, evidence).seed(YEAR, new PackSeed.Sizes(decisions, 1_000, 100, 200, 50));
		long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
		System.out.printf("BENCH seeded %d review decisions, 1000 cases, 100 captures, 200 carrier reviews, "
				+ "50 questionnaires and %d stored PDFs in %d ms%n", decisions, stored, seedMillis);

		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long gcBefore = collections();
		Path file = dir.resolve("pack.zip");
		long start = System.nanoTime();
		PackSummary summary;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
			summary = packs.write(new PackRequest(PackRequest.CRITERIA, LocalDate.of(YEAR, 1, 1),
					LocalDate.of(YEAR, 12, 31), "bench-auditor", "Bench " + YEAR), out);
		}
		long buildMillis = (System.nanoTime() - start) / 1_000_000;
		long peakHeap = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peakHeap += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf(
				"BENCH pack of %d: %d files, %.1f MB, built in %d ms (heap limit %d MB, peak heap used "
						+ "%d MB, %d garbage collections, %d processors)%n",
				YEAR, summary.files(), summary.sizeBytes() / 1e6, buildMillis,
				Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeap / (1024 * 1024), collections() - gcBefore,
				Runtime.getRuntime().availableProcessors());

		long verifyStart = System.nanoTime();
		PackVerification verdict;
		try (InputStream in = Files.newInputStream(file)) {
			verdict = verifier.verify(in);
		}
		System.out.printf("BENCH verified in %d ms: %s%n", (System.nanoTime() - verifyStart) / 1_000_000,
				verdict.sentence());

		assertThat(verdict.ok()).as(verdict.sentence()).isTrue();
		assertThat(summary.files()).isGreaterThanOrEqualTo(stored + 9);
		assertThat(buildMillis).as("milliseconds to build a year's pack").isLessThan(60_000);
	}

	private static long collections() {
		long count = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, gc.getCollectionCount());
		}
		return count;
	}

}
