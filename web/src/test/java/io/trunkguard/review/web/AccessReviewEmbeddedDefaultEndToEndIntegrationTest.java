package io.trunkguard.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.people.PersonService;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignReportArchive;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.CampaignStatus;
import io.trunkguard.review.Decision;
import io.trunkguard.review.RemediationStatus;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.ReviewItems;
import io.trunkguard.review.ReviewReport;
import io.trunkguard.review.UnansweredRule;

/**
 * Issue 4's "done when", walked through the pages of the embedded default (no Keycloak
 * connector): a compliance lead starts a campaign over the demo data from the form, every
 * reviewer bulk-decides their inbox and submits, the two revocations (one on a Keycloak
 * system, one on a manual system) are confirmed by hand on the remediation page, the lead
 * signs off, and the stored PDF and XLSX name the revocations and the sign-off. Forms are
 * posted as the pages send them, with the CSRF token read from the page; the engine runs
 * only what the app starts, its due jobs executed as its (disabled) job executor would.
 */
@EmbeddedDefaultTest
class AccessReviewEmbeddedDefaultEndToEndIntegrationTest {

	static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");

	/** In-scope systems of the demo data, with and without a Keycloak connector. */
	static final List<String> DEMO_SYSTEMS = List.of("SIP Admin Portal", "Edge SBC Cluster",
			"Keycloak Identity Provider");
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final Pattern INBOX_ITEM = Pattern
		.compile("<input type=\"checkbox\" name=\"item\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewItems items;

	@Autowired
	AccessService access;

	@Autowired
	PersonService people;

	@Autowired
	CampaignReportArchive archive;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	/**
	 * One browser session per user, so the CSRF token a page carries is the one its form
	 * posts back.
	 */
	final Map<RequestPostProcessor, MockHttpSession> sessions = new IdentityHashMap<>();

	@Test
	void leadStartsReviewersDecideRevocationsAreRemediatedAndTheSignedOffReportsDownload() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);

		// 1. the compliance lead starts a campaign over the demo data from the form
		String startPage = page("/reviews/new", LEAD);
		assertThat(startPage).contains("id=\"start-form\"");
		String location = mvc
			.perform(post("/reviews").with(LEAD)
				.session(session(LEAD))
				.param("_csrf", csrfOf(startPage))
				.param("name", "End-to-end review " + run)
				.param("deadline", LocalDate.now().plusDays(21).toString())
				.param("unansweredRule", UnansweredRule.REVOKE.name())
				// other tests of this context start campaigns of the same quarter
				.param("overlapReason", "A test of its own beside the other tests' campaigns."))
			.andExpect(redirectedUrlPattern("/reviews/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		CampaignId campaign = CampaignId.of(location.substring("/reviews/".length()));
		String process = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(campaign.toString())
			.singleResult()
			.getId();
		assertThat(page(location, LEAD)).contains("End-to-end review " + run).contains("progress-by-reviewer");

		List<ReviewItem> frozen = items.findByCampaignId(campaign);
		assertThat(frozen).as("the demo data's grants are frozen into the campaign").hasSizeGreaterThan(10);
		assertThat(frozen).extracting(ReviewItem::getSystemName).containsAll(DEMO_SYSTEMS);
		ReviewItem keycloakRevocation = frozen.stream()
			.filter(i -> DEMO_SYSTEMS.contains(i.getSystemName()))
			.filter(i -> i.getConnector() == ConnectorType.KEYCLOAK)
			.filter(i -> i.getPersonUsername() != null && !i.getPersonUsername().isBlank())
			.findFirst()
			.orElseThrow();
		ReviewItem manualRevocation = frozen.stream()
			.filter(i -> DEMO_SYSTEMS.contains(i.getSystemName()))
			.filter(i -> i.getConnector() == ConnectorType.MANUAL)
			.findFirst()
			.orElseThrow();
		Set<ReviewItemId> revoked = Set.of(keycloakRevocation.getId(), manualRevocation.getId());

		// 2. every reviewer who got items decides them in bulk in their inbox and submits
		List<String> reviewers = queries.reviewers(campaign);
		assertThat(reviewers).hasSizeGreaterThan(1);
		for (String reviewer : reviewers) {
			RequestPostProcessor as = as(reviewer);
			String inbox = page("/reviews/" + campaign + "/inbox", as);
			Set<ReviewItemId> shown = new LinkedHashSet<>();
			Matcher checkbox = INBOX_ITEM.matcher(inbox);
			while (checkbox.find()) {
				shown.add(ReviewItemId.of(checkbox.group(1)));
			}
			assertThat(shown).as("the inbox of " + reviewer)
				.containsExactlyInAnyOrderElementsOf(frozen.stream()
					.filter(i -> i.getReviewerUsername().equals(reviewer))
					.map(ReviewItem::getId)
					.toList());
			List<String> toRevoke = new ArrayList<>();
			List<String> toKeep = new ArrayList<>();
			shown.forEach(id -> (revoked.contains(id) ? toRevoke : toKeep).add(id.toString()));
			if (!toRevoke.isEmpty()) {
				decide(campaign, as, inbox, toRevoke, Decision.REVOKE,
						"No longer needed after the move to billing (" + run + ").");
				inbox = page("/reviews/" + campaign + "/inbox", as);
			}
			if (!toKeep.isEmpty()) {
				decide(campaign, as, inbox, toKeep, Decision.KEEP, "Still on the voice operations rota.");
				inbox = page("/reviews/" + campaign + "/inbox", as);
			}
			assertThat(inbox).contains("id=\"submit-review\"");
			mvc.perform(post("/reviews/{id}/inbox/submit", campaign).with(as)
				.session(session(as))
				.param("confirmed", "yes")
				.param("_csrf", csrfOf(inbox))).andExpect(redirectedUrl("/reviews/" + campaign + "/inbox"));
		}
		assertThat(items.findByCampaignId(campaign)).allSatisfy(item -> {
			assertThat(item.isSubmitted()).as(item.getId().toString()).isTrue();
			assertThat(item.getDecision()).isEqualTo(revoked.contains(item.getId()) ? Decision.REVOKE : Decision.KEEP);
		});

		// 3. the process settles the campaign and routes both revocations to manual
		// removal (no Keycloak connector here)
		runDueJobs(process);
		String remediations = page("/reviews/remediations", LEAD);
		for (ReviewItemId id : revoked) {
			assertThat(remediations).contains("data-item=\"" + id + "\"").contains("confirm-" + id);
		}
		assertThat(queries.item(keycloakRevocation.getId()).getManualRemediationReason())
			.contains("No KEYCLOAK connector is configured");

		// the Keycloak system's owner confirms their removal with a proof file; the lead
		// confirms the manual one
		String owner = people.get(keycloakRevocation.getSystemOwnerId()).getUsername();
		RequestPostProcessor asOwner = owner == null ? LEAD : as(owner);
		String ownersPage = page("/reviews/remediations", asOwner);
		assertThat(ownersPage).contains("confirm-" + keycloakRevocation.getId());
		mvc.perform(multipart("/reviews/remediations/{id}/confirm", keycloakRevocation.getId())
			.file(new MockMultipartFile("attachment", "keycloak-" + run + ".txt", "text/plain",
					"Role removed in the admin console.".getBytes(StandardCharsets.UTF_8)))
			.param("_csrf", csrfOf(ownersPage))
			.param("note", "Removed in the Keycloak console, ticket OPS-" + run)
			.with(asOwner)
			.session(session(asOwner))).andExpect(redirectedUrl("/reviews/remediations"));
		remediations = page("/reviews/remediations", LEAD);
		mvc.perform(multipart("/reviews/remediations/{id}/confirm", manualRevocation.getId())
			.file(new MockMultipartFile("attachment", "", "application/octet-stream", new byte[0]))
			.param("_csrf", csrfOf(remediations))
			.param("note", "Account removed on the system by the NOC, ticket NOC-" + run)
			.with(LEAD)
			.session(session(LEAD))).andExpect(redirectedUrl("/reviews/remediations"));
		for (ReviewItemId id : revoked) {
			ReviewItem done = queries.item(id);
			assertThat(done.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
			assertThat(access.getGrant(done.getGrantId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		}

		// 4. the process closes the campaign; the lead signs it off on its page
		runDueJobs(process);
		assertThat(queries.get(campaign).getStatus()).isEqualTo(CampaignStatus.CLOSED);
		String campaignPage = page(location, LEAD);
		assertThat(campaignPage).contains("id=\"sign-off-form\"");
		mvc.perform(post("/reviews/{id}/sign-off", campaign).with(LEAD)
			.session(session(LEAD))
			.param("_csrf", csrfOf(campaignPage))
			.param("note", "Checked against the HR roster " + run)).andExpect(redirectedUrl("/reviews/" + campaign));
		assertThat(queries.get(campaign).getStatus()).isEqualTo(CampaignStatus.SIGNED_OFF);
		runDueJobs(process);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).as("the process has ended")
			.isZero();
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> archive.latest(campaign, ReviewReport.Format.PDF).isPresent()
					&& archive.latest(campaign, ReviewReport.Format.XLSX).isPresent());

		// 5. the lead downloads the stored PDF and XLSX; both name the revocations, their
		// remediation and the sign-off
		MockHttpServletResponse pdf = download("/reviews/" + campaign + "/report.pdf");
		assertThat(pdf.getHeader("X-Content-SHA256"))
			.isEqualTo(archive.latest(campaign, ReviewReport.Format.PDF).orElseThrow().getSha256());
		String text = pdfText(pdf.getContentAsByteArray());
		assertThat(text).contains("End-to-end review " + run)
			.contains("Revocations and their remediation (2)")
			.contains(keycloakRevocation.getPersonName())
			.contains(manualRevocation.getSystemName())
			.contains("Removed and")
			.contains("compliance-lead signed the campaign off on")
			.contains("Every item was answered by its reviewer.");
		String squeezed = text.replaceAll("\\s", "");
		assertThat(squeezed).contains(run + ").")
			.contains("OPS-" + run)
			.contains("NOC-" + run)
			.contains("HRroster" + run);

		MockHttpServletResponse xlsx = download("/reviews/" + campaign + "/report.xlsx");
		assertThat(xlsx.getHeader("X-Content-SHA256"))
			.isEqualTo(archive.latest(campaign, ReviewReport.Format.XLSX).orElseThrow().getSha256());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			Map<String, String> facts = new HashMap<>();
			for (Row row : book.getSheet("Campaign")) {
				facts.put(row.getCell(0).getStringCellValue(), row.getCell(1) == null ? "" : row.getCell(1).toString());
			}
			assertThat(facts).containsEntry("Status", "Signed off")
				.containsEntry("Signed off by", "compliance-lead")
				.containsEntry("Sign-off note", "Checked against the HR roster " + run);
			Sheet sheet = book.getSheet("Items");
			Map<String, Integer> column = new HashMap<>();
			sheet.getRow(0).forEach(cell -> column.put(cell.getStringCellValue(), cell.getColumnIndex()));
			Map<String, Row> rows = new HashMap<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					rows.put(row.getCell(column.get("Item id")).getStringCellValue(), row);
				}
			}
			assertThat(rows).hasSize(frozen.size());
			for (ReviewItemId id : revoked) {
				Row row = rows.get(id.toString());
				assertThat(row).as("the XLSX row of " + id).isNotNull();
				assertThat(cell(row, column, "Decision")).isEqualTo("Revoke");
				assertThat(cell(row, column, "Justification")).contains(run);
				assertThat(cell(row, column, "Remediation")).isEqualTo("Removed and verified");
			}
			assertThat(cell(rows.get(keycloakRevocation.getId().toString()), column, "Remediation proof"))
				.contains("OPS-" + run);
			assertThat(cell(rows.get(keycloakRevocation.getId().toString()), column, "Proof files"))
				.contains("keycloak-" + run + ".txt");
			assertThat(cell(rows.get(manualRevocation.getId().toString()), column, "Remediated by"))
				.isEqualTo("compliance-lead");
		}
	}

	/**
	 * Posts the inbox's decide form as the page sends it: the selected checkboxes, one
	 * decision, one justification.
	 */
	void decide(CampaignId campaign, RequestPostProcessor as, String inbox, List<String> selected, Decision decision,
			String justification) throws Exception {
		assertThat(inbox).contains("id=\"decide-form\"").contains("id=\"decision-" + decision + "\"");
		mvc.perform(post("/reviews/{id}/inbox/decide", campaign).with(as)
			.session(session(as))
			.param("_csrf", csrfOf(inbox))
			.param("group", "system")
			.param("item", selected.toArray(String[]::new))
			.param("decision", decision.name())
			.param("reducedTo", "")
			.param("justification", justification))
			.andExpect(redirectedUrl("/reviews/" + campaign + "/inbox?group=system"));
	}

	/**
	 * The engine's job executor is off in this context: run the campaign's due jobs as it
	 * would, until none is left.
	 */
	void runDueJobs(String process) {
		for (int round = 0; round < 20; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(process).messages().executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> management.executeJob(job.getId()));
		}
		throw new AssertionError("the jobs of process " + process + " keep coming");
	}

	String page(String url, RequestPostProcessor as) throws Exception {
		return mvc.perform(get(url).with(as).session(session(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	MockHttpServletResponse download(String url) throws Exception {
		MvcResult started = mvc.perform(get(url).with(LEAD).session(session(LEAD)))
			.andExpect(request().asyncStarted())
			.andReturn();
		return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse();
	}

	RequestPostProcessor as(String username) {
		return username.equals("compliance-lead") ? LEAD : user(username).roles("reviewer");
	}

	MockHttpSession session(RequestPostProcessor as) {
		return sessions.computeIfAbsent(as, k -> new MockHttpSession());
	}

	static String csrfOf(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	static String cell(Row row, Map<String, Integer> column, String name) {
		return row.getCell(column.get(name)) == null ? "" : row.getCell(column.get(name)).toString();
	}

	static String pdfText(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		return text.toString();
	}

}
