package io.trunkguard.audittrail.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;

/**
 * The audit trail page: details as named fields with people and systems by name, filters
 * by period, actor and action (as a person types it), a clear message for a period that
 * ends before it starts; the filtered entries exported as CSV and XLSX with
 * formula-looking values neutralised, each export audited.
 */
@EmbeddedDefaultTest
class AuditTrailPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditEntries entries;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	final String actor = "trail-tester-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void showsDetailsByNameFiltersAndExportsNeutralisedAndAudited() throws Exception {
		Person person = people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0);
		AccessSystem system = access.allSystems().get(0);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("personId", person.getId().toString());
		details.put("systemId", system.getId().value().toString());
		details.put("reason", "=HYPERLINK(\"http://evil.test\")");
		trail.record(actor, "GRANT_REVOKED", "Person", person.getId().toString(), details);
		trail.record(actor, "PERSON_UPDATED", "Person", person.getId().toString(), Map.of("field", "department"));
		String today = LocalDate.now(ZoneOffset.UTC).toString();

		mvc.perform(get("/audit").param("actor", actor).param("action", "grant revoked").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dt>Person</dt><dd>" + person.getFullName() + "</dd>")))
			.andExpect(content().string(containsString("<dt>System</dt><dd>" + system.getName() + "</dd>")))
			.andExpect(content().string(containsString("Grant revoked")))
			.andExpect(content().string(not(containsString("<dt>Person id</dt>"))))
			.andExpect(content().string(not(containsString("department"))));
		mvc.perform(get("/audit").param("actor", actor).param("from", today).param("to", today).with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("department")));
		mvc.perform(get("/audit").param("actor", actor)
			.param("from", "2020-01-01")
			.param("to", "2020-01-02")
			.with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No entries match")));
		mvc.perform(get("/audit").param("from", today).param("to", "2020-01-01").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"filter-error\"")))
			.andExpect(content().string(containsString("before it starts")));

		String csv = new String(download("/audit/export.csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains("Sequence,When (UTC),Actor,Action,Subject,Details,Hash")
			.contains(person.getFullName())
			.contains("Reason: =HYPERLINK")
			.contains("Grant revoked");
		assertThat(csv.lines().filter(line -> line.contains(actor)).count()).isEqualTo(2);

		byte[] xlsx = download("/audit/export.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Audit trail");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row row = sheet.getRow(2);
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo(actor);
			assertThat(row.getCell(5).getStringCellValue()).contains(person.getFullName()).contains(system.getName());
		}
		assertThat(entries.search("auditor", AuditTrailPages.EXPORTED, null, null, null, null, PageRequest.of(0, 10))
			.getContent()).filteredOn(entry -> entry.getDetails().contains("\"" + actor + "\""))
			.hasSize(2)
			.allSatisfy(entry -> assertThat(entry.getDetails()).contains("entries"));
	}

	@Test
	void writesAbbreviationsInActionsAndSubjectsInCapitals() throws Exception {
		trail.record(actor, "HR_WEBHOOK_REFUSED", "HrWebhook", null, Map.of("reason", "signature mismatch"));

		mvc.perform(get("/audit").param("actor", actor).param("action", "HR webhook refused").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">HR webhook refused<")))
			.andExpect(content().string(containsString(">HR webhook<")))
			.andExpect(content().string(not(containsString("Hr webhook"))));
	}

	@Test
	void writesDetailsAsPeopleReadThem() throws Exception {
		trail.record(actor, "EVIDENCE_RECORDED", "EvidenceItem", null,
				Map.of("controls", java.util.List.of("CC6.7", "CC7.2"), "sha256",
						"614ffb1bd7a2fdb938cbeb132cfb69f5ed52305f2420fea4137f761d86454d6", "repeatsCountedFor", "PT1M",
						"retentionPeriod", "P30D", "typedName", "PT2H"));

		mvc.perform(get("/audit").param("actor", actor).with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dt>Controls</dt><dd>CC6.7, CC7.2</dd>")))
			.andExpect(content().string(containsString("<dt>SHA-256</dt>")))
			.andExpect(content().string(containsString("<dt>Repeats counted for</dt><dd>1 minute</dd>")))
			.andExpect(content().string(containsString("<dt>Retention period</dt><dd>30 days</dd>")))
			// a name typed is shown as typed, whatever it looks like
			.andExpect(content().string(containsString("<dt>Typed name</dt><dd>PT2H</dd>")))
			.andExpect(content().string(not(containsString("Sha256"))))
			.andExpect(content().string(not(containsString("PT1M"))))
			.andExpect(content().string(not(containsString("[&quot;CC6.7"))));
	}

	/**
	 * Login entries written before December 2026 name the way of signing in and why a
	 * login failed by Spring Security's class names; the page and the export show words
	 * for them as for the entries written since.
	 */
	@Test
	void showsTheMethodAndReasonOfAnOldLoginEntryInWords() throws Exception {
		// as failed logins are recorded: by "anonymous" (other tests check that no other
		// actor ever fails a login), told apart by the name typed
		String typed = "mallory-" + actor;
		trail.record("anonymous", "LOGIN_FAILED", "User", null, Map.of("typedName", typed, "method",
				"UsernamePasswordAuthenticationToken", "reason", "BadCredentialsException"));
		trail.record(actor, "LOGIN_SUCCEEDED", "User", actor,
				Map.of("method", "OAuth2AuthenticationToken", "roles", "auditor"));

		mvc.perform(get("/audit").param("actor", "anonymous").param("action", "Login failed").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(typed)))
			.andExpect(content().string(containsString("<dt>Method</dt><dd>password form</dd>")))
			.andExpect(content().string(containsString("<dt>Reason</dt><dd>wrong user name or password</dd>")))
			.andExpect(content().string(not(containsString("BadCredentialsException"))));
		mvc.perform(get("/audit").param("actor", actor).with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dt>Method</dt><dd>Keycloak login (OpenID Connect)</dd>")))
			.andExpect(content().string(not(containsString("AuthenticationToken"))));
		String failed = new String(download("/audit/export.csv", "anonymous"), StandardCharsets.UTF_8).lines()
			.filter(line -> line.contains(typed))
			.findFirst()
			.orElseThrow();
		assertThat(failed).contains("Method: password form")
			.contains("Reason: wrong user name or password")
			.doesNotContain("AuthenticationToken")
			.doesNotContain("BadCredentialsException");
		assertThat(new String(download("/audit/export.csv"), StandardCharsets.UTF_8))
			.contains("Method: Keycloak login (OpenID Connect)")
			.doesNotContain("AuthenticationToken");
	}

	@Test
	void neutralisesAFormulaInACellOfTheExport() throws Exception {
		String formula = "=cmd|' /C calc'!A0-" + actor;
		trail.record(formula, "PERSON_UPDATED", null, null, Map.of());

		String csv = new String(download("/audit/export.csv", formula), StandardCharsets.UTF_8);
		assertThat(csv).contains(",'=cmd|' /C calc'!A0-" + actor + ",").doesNotContain(",=cmd");
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(download("/audit/export.xlsx", formula)))) {
			Cell cell = workbook.getSheet("Audit trail").getRow(1).getCell(2);
			assertThat(cell.getStringCellValue()).isEqualTo(formula);
			assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	private byte[] download(String path) throws Exception {
		return download(path, actor);
	}

	private byte[] download(String path, String actor) throws Exception {
		MvcResult started = mvc.perform(get(path).param("actor", actor).with(auditor()))
			.andExpect(request().asyncStarted())
			.andReturn();
		return mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static RequestPostProcessor auditor() {
		return user("auditor").roles("auditor");
	}

}
