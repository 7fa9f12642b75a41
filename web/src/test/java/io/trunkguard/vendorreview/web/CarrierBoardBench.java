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
 * A bench, not a test (its name keeps it out of the default test run): the carrier board
 * page with 2,000 carriers and 10 years of reviews, SOC reports and questionnaires each,
 * on the embedded PostgreSQL. Prints p50 and p95 of the whole page (query, projection,
 * sorting, Thymeleaf) and their ratio to the 150 ms budget. Run:
 *
 * <pre>
 * ./mvnw -B -o -q -pl web -am test -Dtest=CarrierBoardBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "TRUNKGUARD_DEMO_ENABLED=true", "TRUNKGUARD_PASSWORD_ADMIN=admin-postgres-pw",
				"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN" })
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
		int carriers = jdbc.queryForObject("select count(*) from vendor", Integer.class);
		assertThat(carriers).isGreaterThanOrEqualTo(CARRIERS);
		var auditor = user("auditor").roles("auditor");
		for (int i = 0; i < 20; i++) {
			mvc.perform(get("/vendors/board").with(auditor)).andExpect(status().isOk());
		}
		int runs = 100;
		double[] ms = new double[runs];
		int length = 0;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			length = mvc.perform(get("/vendors/board").with(auditor))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()
				.length();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		double[] query = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			reviews.board();
			query[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(query);
		System.out.printf("CarrierBoardBench: board rows alone (2 queries + projection) p50 %.1f ms, p95 %.1f ms%n",
				query[runs / 2], query[(int) Math.ceil(runs * 0.95) - 1]);
		double p50 = ms[runs / 2];
		double p95 = ms[(int) Math.ceil(runs * 0.95) - 1];
		System.out.printf("CarrierBoardBench: %d carriers, %d reviews, %d SOC reports, %d questionnaires; page %d KB%n",
				carriers, count("vendor_review"), count("vendor_soc_report"), count("questionnaire"), length / 1024);
		System.out.printf("CarrierBoardBench: board page p50 %.1f ms, p95 %.1f ms, p95/budget %.2f (budget %.0f ms)%n",
				p50, p95, p95 / BUDGET_MS, BUDGET_MS);
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
