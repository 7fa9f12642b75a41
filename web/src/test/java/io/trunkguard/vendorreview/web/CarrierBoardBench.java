package io.trunkguard.vendorreview.web;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bench, not a test (its name does not end in {@code Test}, so Surefire's default
 * includes leave it out of the test run): the carrier board page with 2,000 carriers and
 * 10 years of reviews, SOC reports and questionnaires each, on the embedded PostgreSQL.
 * Prints the query plans of the board's queries, then p50 and p95 wall time and CPU time
 * (this thread's, and the PostgreSQL server's) of the carriers query in its shipped shape
 * ({@code row_number()}, still H2's) and its PostgreSQL shape ({@code LATERAL}),
 * alternating so both see the same load, of the board rows, and of the whole page, with
 * the load average; the figures also go to {@code web/target/carrier-board-bench.txt}.
 * Run:
 *
 * <pre>
 * ./mvnw -B -o -q -pl web -am test -Dtest=CarrierBoardBench -Dsurefire.failIfNoSpecifiedTests=false
 * cat web/target/carrier-board-bench.txt
 * </pre>
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "TRUNKGUARD_DEMO_ENABLED=true", "TRUNKGUARD_PASSWORD_ADMIN=admin-postgres-pw",
				"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
				// a context (and database) of its own: its 2,000 carriers stay out of the
				// tests that share the other PostgreSQL context
				"trunkguard.bench=carrier-board" })
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class CarrierBoardBench {

	static final int CARRIERS = 2000;

	static final int YEARS = 10;

	static final double BUDGET_MS = 150;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	QuestionnaireService questionnaires;

	@Autowired
	io.trunkguard.vendorreview.CarrierReviewService reviews;

	@Test
	void boardOfTwoThousandCarriersWithTenYearsOfReviews() throws Exception {
		seed();
		// what autovacuum would have done by the time a real board has this much history
		jdbc.execute("analyze");
		String ranked = sql("CARRIERS_RANKED");
		String lateral = sql("CARRIERS_POSTGRES");
		String summary = sql("CARRIERS_SUMMARY");
		Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
		explain("carriers query as shipped (row_number per table, still the H2 path)", ranked);
		explain("carriers query on PostgreSQL now (LATERAL ... LIMIT 1 per table)", lateral);
		explain("carriers query from the summary table (V350, what the board reads on PostgreSQL)", summary);
		explain("ends query", sql("ENDS"), today, today);
		int carriers = jdbc.queryForObject("select count(*) from vendor", Integer.class);
		assertThat(carriers).isGreaterThanOrEqualTo(CARRIERS);
		var auditor = user("auditor").roles("auditor");
		for (int i = 0; i < 20; i++) {
			mvc.perform(get("/vendors/board").with(auditor)).andExpect(status().isOk());
			jdbc.query(ranked, rs -> {
			});
			jdbc.query(lateral, rs -> {
			});
			jdbc.query(summary, rs -> {
			});
		}
		int runs = 100;
		// the two query shapes alternate, so both see the same machine load
		Timings rankedQuery = new Timings();
		Timings lateralQuery = new Timings();
		Timings summaryQuery = new Timings();
		for (int i = 0; i < runs; i++) {
			summaryQuery.time(() -> jdbc.query(summary, rs -> {
			}));
			rankedQuery.time(() -> jdbc.query(ranked, rs -> {
			}));
			lateralQuery.time(() -> jdbc.query(lateral, rs -> {
			}));
		}
		Timings rows = new Timings();
		Timings page = new Timings();
		int[] length = new int[1];
		for (int i = 0; i < runs; i++) {
			rows.time(() -> reviews.board());
			page.time(() -> length[0] = mvc.perform(get("/vendors/board").with(auditor))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()
				.length());
		}
		List<String> lines = new ArrayList<>();
		lines.add(String.format("%d carriers, %d reviews, %d SOC reports, %d questionnaires; page %d KB; load %s",
				carriers, count("vendor_review"), count("vendor_soc_report"), count("questionnaire"), length[0] / 1024,
				load()));
		lines.add("carriers query as shipped (row_number): " + rankedQuery);
		lines.add("carriers query from the history (LATERAL, PostgreSQL before V350): " + lateralQuery);
		lines.add("carriers query from the summary table (V350, the board's on PostgreSQL): " + summaryQuery);
		lines.add("board rows (2 queries + projection + sort): " + rows);
		lines.add("board page (MockMvc, security, controller, Thymeleaf): " + page
				+ String.format(", p95/budget %.2f (budget %.0f ms)", page.percentile(95) / BUDGET_MS, BUDGET_MS));
		lines.add("load after: " + load());
		lines.forEach(line -> System.out.println("CarrierBoardBench: " + line));
		java.nio.file.Files.write(java.nio.file.Paths.get("target", "carrier-board-bench.txt"), lines);
	}

	interface Work {

		void run() throws Exception;

	}

	/**
	 * Wall times, and CPU times (this thread, and every PostgreSQL process of the
	 * embedded server) of repeated work: the CPU times do not grow with the machine's
	 * load the way wall times do.
	 */
	class Timings {

		final List<Double> wall = new ArrayList<>();

		final List<Double> javaCpu = new ArrayList<>();

		final List<Double> postgresCpu = new ArrayList<>();

		void time(Work work) throws Exception {
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			long pgBefore = postgresTicks();
			long cpuBefore = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			work.run();
			wall.add((System.nanoTime() - start) / 1e6);
			javaCpu.add((threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6);
			postgresCpu.add((postgresTicks() - pgBefore) * 1000.0 / TICKS_PER_SECOND);
		}

		double percentile(int p) {
			return percentile(wall, p);
		}

		static double percentile(List<Double> values, int p) {
			double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
		}

		static double mean(List<Double> values) {
			return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		}

		@Override
		public String toString() {
			return String.format(
					"wall p50 %.1f ms, p95 %.1f ms; CPU per call: Java thread %.1f ms (p50), PostgreSQL %.1f ms (mean)",
					percentile(wall, 50), percentile(wall, 95), percentile(javaCpu, 50), mean(postgresCpu));
		}

	}

	static final long TICKS_PER_SECOND = 100;

	private long postmaster;

	/** utime + stime of the embedded server's postmaster and all its children. */
	private long postgresTicks() {
		if (postmaster == 0) {
			long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
			postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow().pid();
		}
		long ticks = ticks(postmaster);
		for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
			ticks += ticks(child.pid());
		}
		return ticks;
	}

	private static long ticks(long pid) {
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Paths.get("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (java.io.IOException | RuntimeException gone) {
			return 0;
		}
	}

	private static String load() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Paths.get("/proc/loadavg")).strip();
		}
		catch (java.io.IOException e) {
			return "unknown";
		}
	}

	/** A query of the board, read from its class (package-private in the domain). */
	private static String sql(String constant) throws ReflectiveOperationException {
		java.lang.reflect.Field field = Class.forName("io.trunkguard.vendorreview.BoardQuery")
			.getDeclaredField(constant);
		field.setAccessible(true);
		return (String) field.get(null);
	}

	private void explain(String label, String sql, Object... args) {
		List<String> plan = jdbc.queryForList("explain (analyze, buffers) " + sql, String.class, args);
		System.out.println("CarrierBoardBench: plan of the " + label + ":");
		plan.forEach(line -> System.out.println("  " + line));
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private void seed() {
		UUID owner = jdbc.queryForObject("select id from person order by hr_id limit 1", UUID.class);
		UUID template = questionnaires.defaultTemplate().getId();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Instant now = Instant.now();
		List<Object[]> vendors = new ArrayList<>();
		List<Object[]> reviews = new ArrayList<>();
		List<Object[]> reports = new ArrayList<>();
		List<Object[]> questionnaireRows = new ArrayList<>();
		List<Object[]> documents = new ArrayList<>();
		List<Object[]> contracts = new ArrayList<>();
		for (int c = 0; c < CARRIERS; c++) {
			UUID vendor = UUID.randomUUID();
			String tier = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").get(c % 4);
			vendors.add(new Object[] { vendor, "Bench Carrier " + c, "SIP trunking", tier, owner,
					Timestamp.from(now.minusSeconds(86400L * 365 * 11)) });
			for (int y = YEARS; y >= 1; y--) {
				LocalDate decided = today.minusYears(y).plusDays(c % 300);
				Timestamp decidedAt = Timestamp.from(decided.atStartOfDay(ZoneOffset.UTC).toInstant());
				reviews.add(new Object[] { UUID.randomUUID(), vendor, "APPROVED", "DONE", decidedAt, "APPROVED",
						decidedAt, Date.valueOf(decided.plusYears(1)) });
				reports.add(new Object[] { UUID.randomUUID(), vendor, Date.valueOf(decided.minusMonths(13)),
						Date.valueOf(decided.minusMonths(1)), Date.valueOf(decided.minusDays(10)), decidedAt });
				Instant sent = decided.minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant();
				questionnaireRows.add(new Object[] { UUID.randomUUID(), vendor, template,
						UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
						Timestamp.from(sent), Timestamp.from(sent.plusSeconds(86400L * 30)),
						Timestamp.from(sent.plusSeconds(86400L * 10)) });
			}
			if (c % 10 == 0) {
				reviews.add(new Object[] { UUID.randomUUID(), vendor, "IN_PROGRESS", "QUESTIONNAIRE",
						Timestamp.from(now), null, null, null });
			}
			documents.add(new Object[] { UUID.randomUUID(), vendor, "DPA", "Data processing agreement",
					Date.valueOf(today.minusYears(1)), Date.valueOf(today.plusDays(c % 700)) });
			documents.add(new Object[] { UUID.randomUUID(), vendor, "BAA", "Business associate agreement",
					Date.valueOf(today.minusYears(1)), Date.valueOf(today.plusDays(30 + c % 500)) });
			contracts.add(new Object[] { UUID.randomUUID(), vendor, "Master services agreement",
					Date.valueOf(today.minusYears(3)), Date.valueOf(today.plusDays(100 + c % 900)) });
		}
		jdbc.batchUpdate(
				"insert into vendor (id, version, name, services, risk_tier, owner_id, created_at, updated_at) "
						+ "values (?, 0, ?, ?, ?, ?, ?, ?)",
				vendors.stream().map(v -> new Object[] { v[0], v[1], v[2], v[3], v[4], v[5], v[5] }).toList());
		jdbc.batchUpdate(
				"insert into vendor_review (id, version, vendor_id, status, step, started_by, started_at, "
						+ "decision, decided_by, decided_at, next_due_on, rationale) "
						+ "values (?, 0, ?, ?, ?, 'bench', ?, ?, 'bench', ?, ?, 'Bench review.')",
				reviews.stream().map(r -> new Object[] { r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] }).toList());
		jdbc.batchUpdate("insert into vendor_soc_report (id, vendor_id, soc_type, report_type, categories, "
				+ "period_start, period_end, issued_on, auditor_firm, opinion, reviewed_by, reviewed_at) "
				+ "values (?, ?, 'SOC_2', 'TYPE_II', 'Security', ?, ?, ?, 'Bench & Co', 'UNQUALIFIED', 'bench', ?)",
				reports);
		jdbc.batchUpdate(
				"insert into questionnaire (id, version, vendor_id, template_id, contact_name, contact_email, "
						+ "token_hash, links_issued, sent_by, sent_at, expires_at, submitted_at, reminders_sent) "
						+ "values (?, 0, ?, ?, 'Bench Contact', 'contact@bench.example', ?, 1, 'bench', ?, ?, ?, 0)",
				questionnaireRows);
		jdbc.batchUpdate("insert into vendor_document (id, vendor_id, kind, title, valid_from, valid_until, added_by, "
				+ "added_at) values (?, ?, ?, ?, ?, ?, 'bench', current_timestamp)", documents);
		jdbc.batchUpdate(
				"insert into vendor_contract (id, vendor_id, title, starts_on, ends_on, notice_days, "
						+ "auto_renews, signalling_clause, media_clause, added_by, added_at) "
						+ "values (?, ?, ?, ?, ?, 60, false, 'TLS_1_2', 'SRTP', 'bench', current_timestamp)",
				contracts);
	}

}
