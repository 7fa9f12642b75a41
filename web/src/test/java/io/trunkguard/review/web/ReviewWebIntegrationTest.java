package io.trunkguard.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.NewGrant;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLauncher;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.CampaignStatus;
import io.trunkguard.review.Decision;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItems;
import io.trunkguard.review.ReviewReport;
import io.trunkguard.review.CampaignReportArchive;
import io.trunkguard.review.UnansweredRule;

/**
 * The review pages and API in the whole application (security, domain, process engine) on
 * H2 with the demo data: who sees and decides what, bulk decisions and submission through
 * the inbox, starting a campaign.
 */
@SpringBootTest(classes = TrunkguardApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:trunkguard-review-web;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"trunkguard.demo.enabled=true", "camunda.bpm.job-execution.enabled=false" })
@AutoConfigureMockMvc
class ReviewWebIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	io.trunkguard.evidence.FileStore fileStore;

	byte[] bytesOf(io.trunkguard.evidence.StoredFile file) {
		try (java.io.InputStream in = fileStore.open(file.getId())) {
			return in.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static final RequestPostProcessor REVIEWER = user("reviewer").roles("reviewer");
	static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");
	static final RequestPostProcessor AUDITOR = user("auditor").roles("auditor");

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignLauncher launcher;

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewItems items;

	@Autowired
	AccessService access;

	@Autowired
	PersonService people;

	@Autowired
	AuditEntries audit;

	@Autowired
	TaskService tasks;

	@Autowired
	CampaignReportArchive archive;

	CampaignId campaign;

	ReviewItem ownItem;

	@BeforeEach
	void startCampaign() {
		Person reviewer = people.findByUsername("reviewer").orElseThrow();
		AccessSystem system = access.systemsInReviewScope().get(0);
		String role = "test-role-" + System.nanoTime();
		access.issueGrant(new NewGrant(reviewer.getId(), system.getId(), role, false), "tester");
		campaign = launcher.launch("Web test review", Instant.now().plus(Duration.ofDays(14)),
				UnansweredRule.CARRY_OVER, "tests share one database", "compliance-lead");
		ownItem = items.findByCampaignId(campaign)
			.stream()
			.filter(item -> item.getEntitlement().equals(role))
			.findFirst()
			.orElseThrow();
	}

	List<ReviewItem> itemsOf(String reviewer) {
		return items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(campaign, reviewer);
	}

	@Test
	void answersAnInboxFilterThatIsNoneWithABadRequestProblem() throws Exception {
		mvc.perform(get("/reviews/{id}/inbox", campaign).with(REVIEWER).param("flag", "EVERYTHING"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/reviews/{id}/inbox", campaign).with(REVIEWER).param("system", "abc"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/reviews/{id}/inbox/decide", campaign).with(REVIEWER)
			.with(csrf())
			.param("item", "not-an-id")
			.param("decision", "KEEP")).andExpect(status().isBadRequest());
		assertThat(itemsOf("reviewer")).allSatisfy(item -> assertThat(item.getDecision()).isNull());
	}

	@Test
	void reviewerSeesOnlyTheirOwnItems() throws Exception {
		List<ReviewItem> mine = itemsOf("reviewer");
		assertThat(mine).isNotEmpty();

		String page = mvc.perform(get("/reviews/{id}/inbox", campaign).with(REVIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (ReviewItem item : items.findByCampaignId(campaign)) {
			assertThat(page.contains("data-item=\"" + item.getId() + "\"")).as(item.toString())
				.isEqualTo(item.getReviewerUsername().equals("reviewer"));
		}
		mvc.perform(get("/api/reviews/campaigns/{id}/items", campaign).with(REVIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(mine.size()))
			.andExpect(jsonPath("$.content[*].reviewer")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("reviewer"))));
		mvc.perform(get("/api/reviews/campaigns/{id}/items", campaign).param("reviewer", ownItem.getReviewerUsername())
			.with(REVIEWER)).andExpect(status().isForbidden());
		mvc.perform(get("/api/reviews/items/{id}", ownItem.getId()).with(REVIEWER)).andExpect(status().isForbidden());
		mvc.perform(get("/reviews/{id}", campaign).with(REVIEWER)).andExpect(redirectedUrlPattern("/reviews/*/inbox"));
	}

	@Test
	void reviewerCannotDecideAnotherReviewersItemNorTheirOwnAccess() throws Exception {
		ReviewItem othersItem = items.findByCampaignId(campaign)
			.stream()
			.filter(item -> !item.getReviewerUsername().equals("reviewer"))
			.findFirst()
			.orElseThrow();

		mvc.perform(post("/api/reviews/decisions").with(REVIEWER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemIds\":[\"" + othersItem.getId() + "\"],\"decision\":\"KEEP\",\"justification\":\"fine\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("item.not-reviewer"));
		// the reviewer's own access is routed to their manager; acting on it anyway is
		// self-review
		assertThat(ownItem.getReviewerUsername()).isNotEqualTo("reviewer");
		mvc.perform(post("/api/reviews/decisions").with(REVIEWER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemIds\":[\"" + ownItem.getId() + "\"],\"decision\":\"KEEP\",\"justification\":\"mine\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("item.self-review"));

		assertThat(items.findById(ownItem.getId()).orElseThrow().getDecision()).isNull();
		assertThat(audit.search("reviewer", "REVIEW_REFUSED", null, null, null, null, Pageable.unpaged())
			.getTotalElements()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theInboxFormRefusesAnotherReviewersItemLikeTheApiWith403AndAudits() throws Exception {
		ReviewItem othersItem = items.findByCampaignId(campaign)
			.stream()
			.filter(item -> !item.getReviewerUsername().equals("reviewer"))
			.findFirst()
			.orElseThrow();
		long refusedBefore = audit.search("reviewer", "REVIEW_REFUSED", null, null, null, null, Pageable.unpaged())
			.getTotalElements();

		mvc.perform(post("/reviews/{id}/inbox/decide", campaign).with(REVIEWER)
			.with(csrf())
			.param("item", othersItem.getId().toString())
			.param("decision", "KEEP")
			.param("justification", "fine"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("is not assigned to reviewer")));

		assertThat(items.findById(othersItem.getId()).orElseThrow().getDecision()).isNull();
		assertThat(audit.search("reviewer", "REVIEW_REFUSED", null, null, null, null, Pageable.unpaged())
			.getTotalElements()).isEqualTo(refusedBefore + 1);
	}

	@Test
	void aReviewerOutsideTheCampaignCannotOpenItsInboxPage() throws Exception {
		mvc.perform(get("/reviews/{id}/inbox", campaign).with(user("outsider").roles("reviewer")))
			.andExpect(status().isForbidden())
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Web test review"))));
		mvc.perform(get("/reviews/{id}/inbox", campaign).with(REVIEWER)).andExpect(status().isOk());
	}

	@Test
	void auditorReadsEveryCampaignButCannotDecide() throws Exception {
		ReviewItem item = itemsOf("reviewer").get(0);

		mvc.perform(post("/api/reviews/decisions").with(AUDITOR)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemIds\":[\"" + item.getId() + "\"],\"decision\":\"KEEP\",\"justification\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/reviews/campaigns").with(AUDITOR)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"deadline\":\"2099-01-01T00:00:00Z\",\"unansweredRule\":\"REVOKE\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/reviews/campaigns/{id}", campaign).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"));
		mvc.perform(get("/api/reviews/items/{id}", item.getId()).with(AUDITOR)).andExpect(status().isOk());
		String page = mvc.perform(get("/reviews/{id}", campaign).with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("progress-by-reviewer").doesNotContain("sign-off-form");
		assertThat(items.findById(item.getId()).orElseThrow().getDecision()).isNull();
	}

	@Test
	void reviewerBulkDecidesInTheInboxAndSubmits() throws Exception {
		List<ReviewItem> mine = itemsOf("reviewer");
		String[] ids = mine.stream().map(item -> item.getId().toString()).toArray(String[]::new);

		// revoking without a justification is refused and what was typed stays on the
		// page
		String refused = mvc
			.perform(post("/reviews/{id}/inbox/decide", campaign).with(REVIEWER)
				.with(csrf())
				.param("item", ids)
				.param("decision", "REVOKE")
				.param("reducedTo", "kept text"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"error\"").contains("justification").contains("value=\"kept text\"");
		assertThat(itemsOf("reviewer")).allSatisfy(item -> assertThat(item.getDecision()).isNull());

		mvc.perform(post("/reviews/{id}/inbox/decide", campaign).with(REVIEWER)
			.with(csrf())
			.param("item", ids)
			.param("decision", "KEEP")
			.param("justification", "needed for on-call duty")
			.param("group", "person")).andExpect(redirectedUrlPattern("/reviews/*/inbox?group=person"));
		assertThat(itemsOf("reviewer")).allSatisfy(item -> assertThat(item.getDecision()).isEqualTo(Decision.KEEP));
		assertThat(tasks.createTaskQuery()
			.processInstanceBusinessKey(campaign.toString())
			.taskCandidateUser("reviewer")
			.count()).isEqualTo(1);

		// without the confirmation nothing is final: the confirmation page first
		mvc.perform(post("/reviews/{id}/inbox/submit", campaign).with(REVIEWER).with(csrf()))
			.andExpect(redirectedUrlPattern("/reviews/*/inbox/submit"));
		assertThat(items.findByCampaignId(campaign)).filteredOn(item -> item.getReviewerUsername().equals("reviewer"))
			.noneSatisfy(item -> assertThat(item.isSubmitted()).isTrue());
		mvc.perform(get("/reviews/{id}/inbox/submit", campaign).with(REVIEWER))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("revoked or reduced")));
		mvc.perform(post("/reviews/{id}/inbox/submit", campaign).param("confirmed", "yes").with(REVIEWER).with(csrf()))
			.andExpect(redirectedUrlPattern("/reviews/*/inbox"));

		assertThat(items.findByCampaignId(campaign)).filteredOn(item -> item.getReviewerUsername().equals("reviewer"))
			.allSatisfy(item -> assertThat(item.isSubmitted()).isTrue());
		assertThat(tasks.createTaskQuery()
			.processInstanceBusinessKey(campaign.toString())
			.taskCandidateUser("reviewer")
			.count()).isZero();
		mvc.perform(get("/reviews/{id}/inbox", campaign).with(REVIEWER))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"submit-review\""))));
	}

	@Test
	void apiRefusesADecisionWithoutTheRequiredJustification() throws Exception {
		ReviewItem item = itemsOf("reviewer").get(0);

		mvc.perform(post("/api/reviews/decisions").with(REVIEWER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemIds\":[\"" + item.getId() + "\"],\"decision\":\"REVOKE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.justification").exists());
		mvc.perform(post("/api/reviews/decisions").with(REVIEWER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemIds\":[\"" + item.getId() + "\"],\"decision\":\"KEEP\",\"justification\":\"x\"}"))
			.andExpect(status().isForbidden());
		assertThat(items.findById(item.getId()).orElseThrow().getDecision()).isNull();
	}

	@Test
	void complianceLeadStartsACampaignFromTheForm() throws Exception {
		mvc.perform(get("/reviews/new").with(REVIEWER)).andExpect(status().isForbidden());
		mvc.perform(post("/reviews").with(LEAD)
			.with(csrf())
			.param("name", "Started in the browser")
			.param("deadline", LocalDate.now().minusDays(1).toString())
			.param("unansweredRule", "REVOKE"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("not in the future")));

		String location = mvc
			.perform(post("/reviews").with(LEAD)
				.with(csrf())
				.param("name", "Started in the browser")
				.param("deadline", LocalDate.now().plusDays(10).toString())
				.param("unansweredRule", "REVOKE")
				// other tests of this context start campaigns of the same quarter
				.param("overlapReason", "A test of its own beside the other tests' campaigns."))
			.andExpect(redirectedUrlPattern("/reviews/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		CampaignId started = CampaignId.of(location.substring("/reviews/".length()));
		assertThat(queries.get(started).getStatus()).isEqualTo(CampaignStatus.OPEN);
		assertThat(queries.get(started).getUnansweredRule()).isEqualTo(UnansweredRule.REVOKE);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(started.toString()).count())
			.isEqualTo(queries.reviewers(started).size());
		mvc.perform(get("/reviews").with(LEAD))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Started in the browser")));
	}

	@Test
	void overseersDownloadTheSignedOffCampaignReportAsStoredEvidence() throws Exception {
		MockHttpServletResponse draft = download("/reviews/{id}/report.pdf", AUDITOR);
		assertThat(draft.getHeader("Content-Disposition")).contains("-draft.pdf");
		assertThat(new String(draft.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		mvc.perform(get("/reviews/{id}/report.pdf", campaign).with(REVIEWER)).andExpect(status().isForbidden());

		lifecycle.applyUnansweredRule(campaign);
		lifecycle.close(campaign, "compliance-lead");
		lifecycle.signOff(campaign, "checked", "compliance-lead");
		lifecycle.requestReport(campaign);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> archive.latest(campaign, ReviewReport.Format.XLSX).isPresent());

		ReviewReport stored = archive.latest(campaign, ReviewReport.Format.PDF).orElseThrow();
		MockHttpServletResponse pdf = download("/reviews/{id}/report.pdf", AUDITOR);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("X-Content-SHA256")).isEqualTo(stored.getSha256());
		assertThat(pdf.getContentAsByteArray()).isEqualTo(bytesOf(stored.getFile()));
		MockHttpServletResponse xlsx = download("/reviews/{id}/report.xlsx", LEAD);
		assertThat(new String(xlsx.getContentAsByteArray(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
		assertThat(stored.getEvidenceDate()).isEqualTo(queries.get(campaign).getClosedAt());
	}

	@Test
	void complianceLeadRemindsAReviewerAndTheReminderIsAudited() throws Exception {
		mvc.perform(post("/reviews/{id}/remind", campaign).with(REVIEWER).with(csrf()).param("reviewer", "reviewer"))
			.andExpect(status().isForbidden());
		String page = mvc.perform(get("/reviews/{id}", campaign).with(LEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"remind-reviewer\"");

		mvc.perform(post("/reviews/{id}/remind", campaign).with(LEAD).with(csrf()).param("reviewer", "reviewer"))
			.andExpect(redirectedUrlPattern("/reviews/*"));

		assertThat(audit
			.search("compliance-lead", "REVIEW_REMINDER_SENT", "ReviewCampaign", campaign.toString(), null, null,
					Pageable.unpaged())
			.getTotalElements()).isEqualTo(1);
	}

	MockHttpServletResponse download(String url, RequestPostProcessor who) throws Exception {
		MvcResult started = mvc.perform(get(url, campaign).with(who)).andExpect(request().asyncStarted()).andReturn();
		return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse();
	}

}
