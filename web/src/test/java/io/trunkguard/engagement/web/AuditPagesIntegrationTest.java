package io.trunkguard.engagement.web;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.engagement.AuditDraft;
import io.trunkguard.engagement.AuditEngagement;
import io.trunkguard.engagement.AuditEngagementService;
import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.EvidenceStatus;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.Decision;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Audits in the embedded default (H2, demo data): the demo's audit for the demo auditor;
 * an auditor sees only the audits assigned to them; leads create and edit, bad input is
 * named and nothing is saved, the auditor's writes are refused and audited; the period
 * view marks evidence out of the period; the auditor flags and the lead answers; a
 * population downloads as CSV and XLSX with a formula-like value inert, each download
 * audited.
 */
@EmbeddedDefaultTest
class AuditPagesIntegrationTest {

	static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");

	static final RequestPostProcessor AUDITOR = user("auditor").roles("auditor");

	static final RequestPostProcessor OTHER_AUDITOR = user("auditor-two").roles("auditor");

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditEngagementService audits;

	@Autowired
	EvidenceService evidence;

	@Autowired
	AuditEntries trail;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierReviewService carrierReviews;

	@Autowired
	JdbcTemplate jdbc;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	/**
	 * Local accounts beside the demo's: a second auditor, one with no audit and one whose
	 * login is disabled (audits are assigned only to enabled auditors' logins).
	 */
	@BeforeEach
	void auditorAccounts() {
		for (String login : List.of("auditor-two", "auditor-idle", "auditor-gone")) {
			if (jdbc.queryForObject("select count(*) from local_account where username = ?", Integer.class,
					login) == 0) {
				jdbc.update("insert into local_account (username, role, password_hash, created_at, "
						+ "password_changed_at) values (?, 'auditor', 'no-password', current_timestamp, "
						+ "current_timestamp)", login);
			}
		}
		jdbc.update("update local_account set disabled_at = current_timestamp, disabled_reason = 'left the firm' "
				+ "where username = 'auditor-gone'");
	}

	/**
	 * The context is shared: other tests count the local accounts, and these have no
	 * password hash.
	 */
	@AfterEach
	void removeAuditorAccounts() {
		jdbc.update("delete from local_account where username in ('auditor-two', 'auditor-idle', 'auditor-gone')");
	}

	private AuditEngagement demo() {
		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		return audits.assignedTo("auditor")
			.stream()
			.filter(a -> a.getName().equals("SOC 2 Type II " + year))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theDemoAuditIsTheCalendarYearForTheDemoAuditor() throws Exception {
		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		AuditEngagement demo = demo();

		assertThat(demo.getPeriodFrom()).isEqualTo(LocalDate.of(year, 1, 1));
		assertThat(demo.getPeriodTo()).isEqualTo(LocalDate.of(year, 12, 31));
		assertThat(demo.getCriteria()).containsExactly("CC6.1", "CC6.7", "CC7.2", "CC9.2");
		String page = page("/audits/" + demo.getId(), AUDITOR);
		assertThat(page).contains("SOC 2 Type II " + year)
			.contains("id=\"audit-control-CC9.2\"")
			.contains("href=\"/api/evidence-packs?criteria=CC6.1,CC6.7,CC7.2,CC9.2&amp;from=" + year + "-01-01&amp;to="
					+ year + "-12-31\"")
			.contains("Information security policy acknowledged by every employee (" + (year - 1) + ")")
			.contains("out of audit period")
			.doesNotContain("NOT_SATISFIED");
	}

	@Test
	void anAuditorSeesOnlyTheAuditsAssignedToThem() throws Exception {
		AuditEngagement other = audits.create(new AuditDraft("Other auditors audit " + run, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 12, 31), List.of("CC9.2"), List.of("auditor-two")), "compliance-lead");

		assertThat(page("/audits", AUDITOR)).doesNotContain(run);
		assertThat(page("/audits", OTHER_AUDITOR)).contains("Other auditors audit " + run);
		assertThat(page("/audits", LEAD)).contains("Other auditors audit " + run);
		mvc.perform(get("/audits/" + other.getId()).with(AUDITOR)).andExpect(status().isNotFound());
		mvc.perform(get("/api/audits/" + other.getId()).with(AUDITOR)).andExpect(status().isNotFound());
		mvc.perform(get("/audits/" + other.getId() + "/populations/carrier-reviews.csv").with(AUDITOR))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/audits").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(run))));
		mvc.perform(get("/api/audits/" + other.getId()).with(OTHER_AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.audit.name").value("Other auditors audit " + run))
			.andExpect(jsonPath("$.controls[*].code").value(hasItem("CC9.2")));
		mvc.perform(get("/audits").with(user("reviewer").roles("reviewer"))).andExpect(status().isForbidden());
	}

	@Test
	void aLeadCreatesAndEditsAnAuditAndBadInputIsNamedAndSavesNothing() throws Exception {
		int before = audits.all().size();
		mvc.perform(post("/audits").param("name", "Reversed " + run)
			.param("from", "2026-06-30")
			.param("to", "2026-01-01")
			.param("criteria", "CC6.1", "CC1.1")
			.param("auditors", "auditor")
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("The audit was not created: the period must not end (2026-01-01) "
							+ "before it starts (2026-06-30); “CC1.1” is not a criterion in scope")))
			.andExpect(content().string(containsString("value=\"Reversed " + run + "\"")));
		mvc.perform(post("/api/audits").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"name\":\"\",\"from\":\"2026-01-01\",\"to\":\"2026-03-31\",\"criteria\":[],\"auditors\":[\"a b\"]}")
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.name").value("required"))
			.andExpect(jsonPath("$.errors.criteria").value("required"));
		assertThat(audits.all()).hasSize(before);

		String location = mvc
			.perform(post("/audits").param("name", "Q1 readiness " + run)
				.param("from", "2026-01-01")
				.param("to", "2026-03-31")
				.param("criteria", "CC9.2", "CC6.1")
				.param("auditors", "auditor, auditor-two")
				.with(LEAD)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		AuditEngagement created = audits
			.get(io.trunkguard.engagement.AuditEngagementId.of(location.substring(location.lastIndexOf('/') + 1)));
		assertThat(created.getCriteria()).containsExactly("CC6.1", "CC9.2");
		assertThat(created.getAuditors()).containsExactly("auditor", "auditor-two");

		mvc.perform(put("/api/audits/" + created.getId()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Q1 and Q2 " + run + "\",\"from\":\"2026-01-01\",\"to\":\"2026-06-30\","
					+ "\"criteria\":[\"CC9.2\"],\"auditors\":[\"auditor-two\"],\"version\":" + created.getVersion()
					+ "}")
			.with(LEAD)
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.to").value("2026-06-30"));
		mvc.perform(get("/audits/" + created.getId()).with(AUDITOR)).andExpect(status().isNotFound());
		assertThat(trail
			.search("compliance-lead", "AUDIT_ENGAGEMENT_CHANGED", "Audit", created.getId().toString(), null, null,
					PageRequest.of(0, 5))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("Q1 and Q2 " + run).contains("auditor-two"));
	}

	@Test
	void assignsOnlyEnabledAuditorsLoginsAndNamesEveryOtherLogin() throws Exception {
		int before = audits.all().size();
		mvc.perform(post("/api/audits").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Logins " + run + "\",\"from\":\"2026-01-01\",\"to\":\"2026-03-31\","
					+ "\"criteria\":[\"CC6.1\"],\"auditors\":[\"auditor\",\"ghost-" + run
					+ "\",\"auditor-gone\",\"reviewer\"]}")
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.auditors").value("not an auditor's login"))
			.andExpect(jsonPath("$.detail").value(containsString("“ghost-" + run
					+ "” has no login in this installation's local accounts, so they could never open the audit")))
			.andExpect(jsonPath("$.detail").value(containsString("the login “auditor-gone” is disabled in "
					+ "this installation's local accounts, so they could not open the audit")))
			.andExpect(jsonPath("$.detail").value(containsString("“reviewer” holds the role reviewer in this "
					+ "installation's local accounts, not the auditor's: only auditors are assigned to an audit")))
			.andExpect(jsonPath("$.detail").value(not(containsString("“auditor”"))));
		mvc.perform(post("/audits").param("name", "Logins " + run)
			.param("from", "2026-01-01")
			.param("to", "2026-03-31")
			.param("criteria", "CC6.1")
			.param("auditors", "auditor, compliance-lead")
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The audit was not created: “compliance-lead” holds the role "
					+ "compliance lead in this installation&#39;s local accounts, not the auditor&#39;s")));
		assertThat(audits.all()).hasSize(before);
	}

	@Test
	void theAuditorsWritesAreRefusedAndRecorded() throws Exception {
		AuditEngagement demo = demo();
		long before = refusedWrites();

		mvc.perform(post("/audits").param("name", "Mine " + run).with(AUDITOR).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/audits/" + demo.getId()).param("name", "Renamed").with(AUDITOR).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/audits/" + demo.getId()).contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/audits/new").with(AUDITOR)).andExpect(status().isForbidden());

		assertThat(refusedWrites()).isEqualTo(before + 3);
		assertThat(audits.get(demo.getId()).getName()).isEqualTo(demo.getName());
	}

	@Test
	void theAuditorFlagsEvidenceOfTheAuditAndTheLeadAnswers() throws Exception {
		AuditEngagement audit = audits.create(new AuditDraft("Flags " + run, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 12, 31), List.of("CC6.7"), List.of("auditor")), "compliance-lead");
		EvidenceItem inside = evidence.store(("inside " + run).getBytes(StandardCharsets.UTF_8), "inside.txt",
				new EvidenceDraft("Trunk capture review " + run, List.of("CC6.7"), LocalDate.of(2025, 5, 1),
						LocalDate.of(2025, 5, 1), "Test", run),
				"compliance-lead");
		EvidenceItem outside = evidence.store(("outside " + run).getBytes(StandardCharsets.UTF_8), "outside.txt",
				new EvidenceDraft("Old trunk review " + run, List.of("CC6.7"), LocalDate.of(2024, 5, 1),
						LocalDate.of(2024, 5, 1), "Test", run + "-old"),
				"compliance-lead");

		String page = page("/audits/" + audit.getId(), AUDITOR);
		assertThat(section(page, "evidence-in-period")).contains("Trunk capture review " + run)
			.doesNotContain("Old trunk review " + run);
		assertThat(section(page, "evidence-out-of-period")).contains("Old trunk review " + run);
		assertThat(page).contains("id=\"evidence-" + outside.getId() + "\" data-out-of-period=\"true\"");

		mvc.perform(post("/audits/" + audit.getId() + "/evidence/" + inside.getId() + "/flag").param("comment", "  ")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(evidence.get(inside.getId()).getStatus()).isEqualTo(EvidenceStatus.READY);

		mvc.perform(post("/audits/" + audit.getId() + "/evidence/" + inside.getId() + "/flag")
			.param("comment", "Which trunk was captured?")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(evidence.get(inside.getId()).getStatus()).isEqualTo(EvidenceStatus.FLAGGED);
		mvc.perform(post("/audits/" + audit.getId() + "/evidence/" + inside.getId() + "/answer")
			.param("answer", "Northwind's primary trunk.")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());

		mvc.perform(post("/audits/" + audit.getId() + "/evidence/" + inside.getId() + "/answer")
			.param("answer", "Northwind's primary trunk.")
			.with(LEAD)
			.with(csrf())).andExpect(status().is3xxRedirection());
		EvidenceItem answered = evidence.get(inside.getId());
		assertThat(answered.getStatus()).isEqualTo(EvidenceStatus.READY);
		assertThat(answered.getFlagComment()).isEqualTo("Which trunk was captured?");
		assertThat(answered.getFlagAnswer()).isEqualTo("Northwind's primary trunk.");
		assertThat(page("/audits/" + audit.getId(), AUDITOR)).contains("Which trunk was captured?")
			.contains("Northwind&#39;s primary trunk.");
	}

	@Test
	void anAuditorFlagsOnlyEvidenceInsideTheAuditsAssignedToThem() throws Exception {
		AuditEngagement audit = audits.create(new AuditDraft("Flag scope " + run, LocalDate.of(2003, 1, 1),
				LocalDate.of(2003, 12, 31), List.of("CC6.7"), List.of("auditor")), "compliance-lead");
		EvidenceItem outside = evidence
			.store(("before " + run).getBytes(StandardCharsets.UTF_8), "before.txt",
					new EvidenceDraft("Trunk review before the audit " + run, List.of("CC6.7"),
							LocalDate.of(2002, 5, 1), LocalDate.of(2002, 5, 1), "Test", run + "-before"),
					"compliance-lead");
		long before = refusedWrites();

		assertThat(section(page("/audits/" + audit.getId(), AUDITOR), "evidence-out-of-period"))
			.contains("Trunk review before the audit " + run)
			.doesNotContain("id=\"flag-" + outside.getId() + "\"");
		mvc.perform(post("/audits/" + audit.getId() + "/evidence/" + outside.getId() + "/flag")
			.param("comment", "Why so early?")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(trail
			.search("auditor", "WRITE_REFUSED", "Request",
					"POST /audits/" + audit.getId() + "/evidence/" + outside.getId() + "/flag", null, null,
					PageRequest.of(0, 1))
			.getContent())
			.singleElement()
			.satisfies(entry -> assertThat(entry.getDetails())
				.contains("auditor may flag only evidence dated inside the audit “Flag scope " + run
						+ "” (2003-01-01 to 2003-12-31): “Trunk review before the audit " + run
						+ "” is evidenced 2002-05-01, so it was not flagged."));
		mvc.perform(post("/api/evidence-items/{id}/flag", outside.getId()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Why so early?\"}")
			.with(AUDITOR)
			.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("auditor may flag only evidence inside the audits "
					+ "assigned to them: “Trunk review before the audit " + run + "” (CC6.7, evidenced 2002-05-01) "
					+ "is inside none of them (")));
		mvc.perform(post("/api/evidence-items/{id}/flag", outside.getId()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Nobody asked me.\"}")
			.with(user("auditor-idle").roles("auditor"))
			.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("auditor-idle is assigned to no audit")));

		assertThat(evidence.get(outside.getId()).getStatus()).isEqualTo(EvidenceStatus.READY);
		assertThat(refusedWrites()).isEqualTo(before + 2);
		assertThat(trail
			.search("auditor", "WRITE_REFUSED", "Request", "POST /api/evidence-items/" + outside.getId() + "/flag",
					null, null, PageRequest.of(0, 1))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("is inside none of them"));

		EvidenceItem inside = evidence
			.store(("during " + run).getBytes(StandardCharsets.UTF_8), "during.txt",
					new EvidenceDraft("Trunk review during the audit " + run, List.of("CC6.7"),
							LocalDate.of(2003, 5, 1), LocalDate.of(2003, 5, 1), "Test", run + "-during"),
					"compliance-lead");
		mvc.perform(post("/api/evidence-items/{id}/flag", inside.getId()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Which trunk?\"}")
			.with(AUDITOR)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("flagged"))
			.andExpect(jsonPath("$.audit").value("Flag scope " + run));
	}

	@Test
	void aPopulationDownloadsAsCsvAndXlsxWithFormulasInertAndEachDownloadAudited() throws Exception {
		String hostile = "=HYPERLINK(\"http://x\",\"y\") " + run;
		var owner = people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0).getId();
		Vendor carrier = vendors.register(new VendorDetails(hostile, "SIP trunking", RiskTier.LOW, owner,
				List.of(new VendorContact("Ops", "ops@carrier.example", null))), "compliance-lead");
		LocalDate decided = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		carrierReviews.recordPastReview(carrier.getId(), decided, Decision.APPROVED, "-cmd|' /C calc'!A0", List.of(),
				"compliance-lead", "compliance-lead");
		AuditEngagement audit = audits.create(new AuditDraft("Populations " + run, decided.minusDays(1),
				decided.plusDays(1), List.of("CC9.2"), List.of("auditor")), "compliance-lead");
		String base = "/audits/" + audit.getId() + "/populations/carrier-reviews";

		MockHttpServletResponse csv = download(base + ".csv");
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition"))
			.contains("carrier-reviews-" + decided.minusDays(1) + "-to-" + decided.plusDays(1) + ".csv");
		String text = csv.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFCarrier,Status,Started by")
			.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") " + run + "\",Approved,")
			.contains(",'-cmd|' /C calc'!A0,");

		MockHttpServletResponse xlsx = download(base + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Carrier reviews");
			Row row = sheet.getRow(1);
			Cell name = row.getCell(0);
			assertThat(name.getStringCellValue()).isEqualTo(hostile);
			assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Approved");
		}

		mvc.perform(get("/api/audits/" + audit.getId() + "/populations/carrier-reviews").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[0][0]").value(hostile));
		mvc.perform(get(base.replace("carrier-reviews", "lunch-orders") + ".csv").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no population")));

		List<AuditEntry> downloads = trail
			.search("auditor", PopulationDownloads.EXPORTED, "Audit", audit.getId().toString(), null, null,
					PageRequest.of(0, 10))
			.getContent();
		assertThat(downloads).hasSize(3);
		assertThat(downloads)
			.allSatisfy(entry -> assertThat(entry.getDetails()).contains("Carrier reviews").contains("\"rows\":1"));
	}

	@Test
	void everyPopulationOfTheDemoAuditDownloads() throws Exception {
		AuditEngagement demo = demo();
		for (String population : List.of("terminations", "review-decisions", "carrier-reviews", "captures")) {
			String text = download("/audits/" + demo.getId() + "/populations/" + population + ".csv")
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(text).as(population).startsWith("\uFEFF").contains("\r\n");
		}
	}

	private MockHttpServletResponse download(String path) throws Exception {
		var started = mvc.perform(get(path).with(AUDITOR)).andReturn();
		// streamed on another thread; a loaded build machine may take a while to start
		// POI
		started.getAsyncResult(60_000);
		return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse();
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String section(String page, String tableId) {
		int start = page.indexOf("id=\"" + tableId + "\"");
		assertThat(start).as(tableId).isNotNegative();
		return page.substring(start, page.indexOf("</table>", start));
	}

	private long refusedWrites() {
		return trail.search("auditor", "WRITE_REFUSED", null, null, null, null, PageRequest.of(0, 1))
			.getTotalElements();
	}

}
