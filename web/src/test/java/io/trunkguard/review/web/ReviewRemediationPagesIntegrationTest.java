package io.trunkguard.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewDecisionService;
import io.trunkguard.review.RemediationService;
import io.trunkguard.review.Decision;
import io.trunkguard.review.RemediationProof;
import io.trunkguard.review.RemediationRoute;
import io.trunkguard.review.RemediationStatus;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.Routing;
import io.trunkguard.review.UnansweredRule;

/**
 * Manual remediation, reassignment and the item page in the embedded default (no Keycloak
 * connector configured): a revocation on a Keycloak system goes to its owner with the
 * reason recorded; the owner confirms with a note and a proof file; bad files, missing
 * notes and justifications are refused with the input kept; wrong roles and other people
 * get 403.
 */
@EmbeddedDefaultTest
class ReviewRemediationPagesIntegrationTest {

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

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");
	static final RequestPostProcessor AUDITOR = user("auditor").roles("auditor");
	static final RequestPostProcessor OTHER_REVIEWER = user("reviewer").roles("reviewer");

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewDecisionService decisions;

	@Autowired
	RemediationService remediation;

	@Autowired
	AccessService access;

	@Autowired
	PersonService people;

	@Autowired
	AuditEntries audit;

	Person owner;

	Person holder;

	RequestPostProcessor asOwner;

	AccessGrant keycloakGrant;

	AccessGrant manualGrant;

	ReviewCampaign campaign;

	ReviewItem keycloakItem;

	ReviewItem manualItem;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<io.trunkguard.review.RemediationPort> ports;

	@Test
	void theEmbeddedDefaultHasNoRemediationConnector() {
		assertThat(ports.stream()).isEmpty();
	}

	@BeforeEach
	void fixture() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		owner = people.register(new PersonDetails("HR-OWN-" + run, "Opal Owner " + run, "own-" + run + "@example.test",
				"own-" + run, null, "IT", EmploymentType.EMPLOYEE, LocalDate.of(2019, 1, 1), null), "tester");
		holder = people.register(
				new PersonDetails("HR-HOL-" + run, "Hugo Holder " + run, "hol-" + run + "@example.test", "hol-" + run,
						owner.getId(), "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2021, 1, 1), null),
				"tester");
		asOwner = user(owner.getUsername()).roles("reviewer");
		AccessSystem sso = access.registerSystem(new SystemDetails("SSO " + run, SystemKind.IDENTITY_PROVIDER, null,
				owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessSystem sbc = access.registerSystem(new SystemDetails("SBC " + run, SystemKind.SBC, null, owner.getId(),
				true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		keycloakGrant = access.issueGrant(new NewGrant(holder.getId(), sso.getId(), "voice-admin", true), "tester");
		manualGrant = access.issueGrant(new NewGrant(holder.getId(), sbc.getId(), "sbc-operator", false), "tester");
		campaign = lifecycle.start("Remediation pages " + run, Instant.now().plus(Duration.ofDays(14)),
				UnansweredRule.CARRY_OVER, "tests share one database", "compliance-lead");
		List<ReviewItem> mine = queries.itemsOf(campaign.getId(), owner.getUsername(), PageRequest.of(0, 10))
			.getContent();
		keycloakItem = mine.stream()
			.filter(i -> i.getGrantId().equals(keycloakGrant.getId()))
			.findFirst()
			.orElseThrow();
		manualItem = mine.stream().filter(i -> i.getGrantId().equals(manualGrant.getId())).findFirst().orElseThrow();
	}

	/**
	 * The owner revokes both grants and submits; the process's look-up step routes each
	 * revocation.
	 */
	void revokeAndRoute() {
		decisions.decide(List.of(keycloakItem.getId(), manualItem.getId()), Decision.REVOKE, null,
				"Hugo moved to sales.", owner.getUsername());
		decisions.submit(campaign.getId(), owner.getUsername());
		assertThat(remediation.routeRemediation(keycloakItem.getId())).isEqualTo(RemediationRoute.MANUAL);
		assertThat(remediation.routeRemediation(manualItem.getId())).isEqualTo(RemediationRoute.MANUAL);
	}

	@Test
	void keycloakRevocationWithoutAConnectorGoesToTheOwnerWithTheReasonRecorded() throws Exception {
		revokeAndRoute();

		ReviewItem routed = queries.item(keycloakItem.getId());
		assertThat(routed.getManualRemediationReason()).contains("No KEYCLOAK connector is configured");
		assertThat(routed.getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		assertThat(audit
			.search("system:access-review", "REVIEW_REMEDIATION_ROUTED_MANUAL", "ReviewItem",
					keycloakItem.getId().toString(), null, null, Pageable.ofSize(5))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("No KEYCLOAK connector"));
		// routing again records nothing new
		remediation.routeRemediation(keycloakItem.getId());
		assertThat(audit
			.search("system:access-review", "REVIEW_REMEDIATION_ROUTED_MANUAL", "ReviewItem",
					keycloakItem.getId().toString(), null, null, Pageable.ofSize(5))
			.getTotalElements()).isEqualTo(1);

		String page = mvc.perform(get("/reviews/remediations").with(asOwner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-item=\"" + keycloakItem.getId() + "\"")
			.contains("data-item=\"" + manualItem.getId() + "\"")
			.contains("No KEYCLOAK connector is configured")
			.contains("confirm-" + keycloakItem.getId())
			.doesNotContain("accept-" + keycloakItem.getId());
		String other = mvc.perform(get("/reviews/remediations").with(OTHER_REVIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).doesNotContain(keycloakItem.getId().toString());
		String lead = mvc.perform(get("/reviews/remediations").with(LEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(lead).contains("accept-" + keycloakItem.getId()).contains("confirm-" + keycloakItem.getId());
		String auditor = mvc.perform(get("/reviews/remediations").with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(auditor).contains("data-item=\"" + keycloakItem.getId() + "\"")
			.doesNotContain("confirm-" + keycloakItem.getId())
			.doesNotContain("accept-" + keycloakItem.getId());
	}

	@Test
	void ownerConfirmsWithANoteAndAProofFileThatLeadsCanDownload() throws Exception {
		revokeAndRoute();

		mvc.perform(multipart("/reviews/remediations/{id}/confirm", keycloakItem.getId())
			.file(new MockMultipartFile("attachment", "console.png", "image/png", PNG))
			.param("note", "Removed voice-admin in the Keycloak console, ticket OPS-9")
			.with(asOwner)
			.with(csrf()))
			.andExpect(redirectedUrl("/reviews/remediations"))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("confirmed")));

		ReviewItem done = queries.item(keycloakItem.getId());
		assertThat(done.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(done.getRemediatedBy()).isEqualTo(owner.getUsername());
		assertThat(done.getRemediationNote()).contains("OPS-9").contains("console.png");
		assertThat(access.getGrant(keycloakGrant.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		RemediationProof proof = remediation.proofsOf(keycloakItem.getId()).get(0);

		// streamed from the file store: the body follows asynchronously
		org.springframework.test.web.servlet.MvcResult streamed = mvc
			.perform(get("/reviews/remediations/proofs/{id}", proof.getId()).with(LEAD))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(streamed))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(PNG))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
			.andExpect(header().string("X-Content-SHA256", proof.getSha256()));
		mvc.perform(get("/reviews/remediations/proofs/{id}", proof.getId()).with(asOwner))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reviews/remediations/proofs/{id}", UUID.randomUUID()).with(LEAD))
			.andExpect(status().isNotFound());

		// the confirmed removal leaves the list; the manual one is still there
		String page = mvc.perform(get("/reviews/remediations").with(asOwner))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("data-item=\"" + keycloakItem.getId() + "\"")
			.contains("data-item=\"" + manualItem.getId() + "\"");
		// the campaign's XLSX lists the proof file
		org.springframework.test.web.servlet.MvcResult started = mvc
			.perform(get("/reviews/{id}/report.xlsx", campaign.getId()).with(LEAD))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		byte[] xlsx = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			org.apache.poi.ss.usermodel.Sheet items = book.getSheet("Items");
			int proofColumn = -1;
			for (org.apache.poi.ss.usermodel.Cell cell : items.getRow(0)) {
				if (cell.getStringCellValue().equals("Proof files")) {
					proofColumn = cell.getColumnIndex();
				}
			}
			assertThat(proofColumn).isNotNegative();
			boolean listed = false;
			for (org.apache.poi.ss.usermodel.Row row : items) {
				if (row.getRowNum() > 0
						&& row.getCell(0).getStringCellValue().equals(keycloakItem.getId().toString())) {
					assertThat(row.getCell(proofColumn).getStringCellValue()).contains("console.png")
						.contains(proof.getSha256());
					listed = true;
				}
			}
			assertThat(listed).isTrue();
		}
	}

	@Test
	void refusesOversizedAndForbiddenFilesAndMissingNotesKeepingWhatWasTyped() throws Exception {
		revokeAndRoute();
		byte[] tooLarge = new byte[RemediationProof.MAX_BYTES + 1];
		System.arraycopy(PNG, 0, tooLarge, 0, PNG.length);

		String oversized = mvc
			.perform(multipart("/reviews/remediations/{id}/confirm", manualItem.getId())
				.file(new MockMultipartFile("attachment", "big.png", "image/png", tooLarge))
				.param("note", "Removed in the SBC UI, ticket OPS-10")
				.with(asOwner)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(oversized).contains("id=\"error\"")
			.contains("at most 5 MB")
			.contains("Removed in the SBC UI, ticket OPS-10");

		String forbidden = mvc.perform(multipart("/reviews/remediations/{id}/confirm", manualItem.getId())
			.file(new MockMultipartFile("attachment", "evidence.html", "text/html",
					"<script>alert(1)</script>".getBytes()))
			.param("note", "Removed, see page")
			.with(asOwner)
			.with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(forbidden).contains("text/html are not accepted").contains("Removed, see page");

		String noNote = mvc
			.perform(multipart("/reviews/remediations/{id}/confirm", manualItem.getId())
				.file(new MockMultipartFile("attachment", "console.png", "image/png", PNG))
				.param("note", " ")
				.with(asOwner)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(noNote).contains("A note saying how the access was removed is required");

		String noJustification = mvc
			.perform(post("/reviews/remediations/{id}/accept", manualItem.getId()).param("justification", "")
				.with(LEAD)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(noJustification).contains("a justification is required");

		assertThat(queries.item(manualItem.getId()).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		assertThat(remediation.proofsOf(manualItem.getId())).isEmpty();
		assertThat(access.getGrant(manualGrant.getId()).getStatus()).isEqualTo(GrantStatus.ACTIVE);
	}

	@Test
	void onlyTheOwnerOrALeadConfirmsAndOnlyALeadAcceptsTheRisk() throws Exception {
		revokeAndRoute();

		mvc.perform(multipart("/reviews/remediations/{id}/confirm", manualItem.getId()).param("note", "done")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/reviews/remediations/{id}/confirm", manualItem.getId()).param("note", "done")
			.with(OTHER_REVIEWER)
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(
				multipart("/reviews/remediations/{id}/confirm", manualItem.getId()).param("note", "done").with(asOwner))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reviews/remediations/{id}/accept", manualItem.getId()).param("justification", "fine")
			.with(asOwner)
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/reviews/remediations/{id}/accept", manualItem.getId()).param("justification", "fine")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(queries.item(manualItem.getId()).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);

		mvc.perform(post("/reviews/remediations/{id}/accept", manualItem.getId())
			.param("justification",
					"The SBC is decommissioned on 1 December; removing the account first would break the NOC's access.")
			.with(LEAD)
			.with(csrf())).andExpect(redirectedUrl("/reviews/remediations"));
		ReviewItem accepted = queries.item(manualItem.getId());
		assertThat(accepted.getRemediationStatus()).isEqualTo(RemediationStatus.ACCEPTED);
		assertThat(accepted.getRemediatedBy()).isEqualTo("compliance-lead");
		assertThat(audit
			.search("compliance-lead", "REVIEW_REMEDIATION_ACCEPTED", "ReviewItem", manualItem.getId().toString(), null,
					null, Pageable.ofSize(5))
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void leadReassignsAReviewersItemsButNeverToTheirHolder() throws Exception {
		mvc.perform(post("/reviews/{id}/reassign", campaign.getId()).param("from", owner.getUsername())
			.param("to", holder.getUsername())
			.with(LEAD)
			.with(csrf()))
			.andExpect(redirectedUrl("/reviews/" + campaign.getId()))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString(holder.getUsername())))
			.andExpect(flash().attribute("reassignTo", holder.getUsername()));
		assertThat(queries.item(keycloakItem.getId()).getReviewerUsername()).isEqualTo(owner.getUsername());

		mvc.perform(post("/reviews/{id}/reassign", campaign.getId()).param("from", owner.getUsername())
			.param("to", "reviewer")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/reviews/{id}/reassign", campaign.getId()).param("from", owner.getUsername())
			.param("to", "reviewer")
			.with(OTHER_REVIEWER)
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/reviews/{id}/reassign", campaign.getId()).param("from", owner.getUsername())
			.param("to", "")
			.with(LEAD)
			.with(csrf()))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("username of the reviewer")));

		mvc.perform(post("/reviews/{id}/reassign", campaign.getId()).param("from", owner.getUsername())
			.param("to", "reviewer")
			.with(LEAD)
			.with(csrf()))
			.andExpect(redirectedUrl("/reviews/" + campaign.getId()))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("reassigned to reviewer")));
		assertThat(List.of(keycloakItem.getId(), manualItem.getId())).allSatisfy(id -> {
			assertThat(queries.item(id).getReviewerUsername()).isEqualTo("reviewer");
			assertThat(queries.item(id).getRouting()).isEqualTo(Routing.REASSIGNED);
		});
		String page = mvc.perform(get("/reviews/{id}", campaign.getId()).with(LEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("reassign-reviewer");
	}

	@Test
	void leadReassignsOneItemOnlyToSomeoneWhoMayDecideAndTheReviewerDecidesFromTheItemPage() throws Exception {
		mvc.perform(post("/reviews/{id}/reassign", campaign.getId()).param("item", manualItem.getId().toString())
			.param("to", "auditor")
			.param("back", "item")
			.with(LEAD)
			.with(csrf()))
			.andExpect(redirectedUrl("/reviews/items/" + manualItem.getId()))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers
				.containsString("auditor is an auditor: auditors read campaigns but never decide review items.")));
		assertThat(queries.item(manualItem.getId()).getReviewerUsername()).isEqualTo(owner.getUsername());

		mvc.perform(post("/reviews/{id}/reassign", campaign.getId()).param("item", manualItem.getId().toString())
			.param("to", "reviewer")
			.param("back", "item")
			.with(LEAD)
			.with(csrf()))
			.andExpect(redirectedUrl("/reviews/items/" + manualItem.getId()))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("1 item was reassigned")));
		assertThat(queries.item(manualItem.getId()).getReviewerUsername()).isEqualTo("reviewer");
		assertThat(queries.item(keycloakItem.getId()).getReviewerUsername()).isEqualTo(owner.getUsername());

		mvc.perform(post("/reviews/items/{id}/decide", manualItem.getId()).param("decision", "REVOKE")
			.with(OTHER_REVIEWER)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("justification")));
		mvc.perform(post("/reviews/items/{id}/decide", manualItem.getId()).param("decision", "REVOKE")
			.param("justification", "No SBC work since the team change.")
			.with(OTHER_REVIEWER)
			.with(csrf()))
			.andExpect(redirectedUrl("/reviews/items/" + manualItem.getId()))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("Decided: revoke")));
		assertThat(queries.item(manualItem.getId()).getDecision()).isEqualTo(Decision.REVOKE);
		mvc.perform(post("/reviews/items/{id}/decide", keycloakItem.getId()).param("decision", "KEEP")
			.with(OTHER_REVIEWER)
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void leadEndsReviewingEarlyWithAJustificationAndNobodyElseMay() throws Exception {
		mvc.perform(post("/reviews/{id}/end-early", campaign.getId()).param("justification", "audit week")
			.with(user("admin").roles("admin"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(
				post("/reviews/{id}/end-early", campaign.getId()).param("justification", " ").with(LEAD).with(csrf()))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("Say why")));
		assertThat(queries.get(campaign.getId()).getReviewsEndedAt()).isNull();

		mvc.perform(post("/reviews/{id}/end-early", campaign.getId())
			.param("justification", "The auditors arrive on Monday.")
			.with(LEAD)
			.with(csrf()))
			.andExpect(redirectedUrl("/reviews/" + campaign.getId()))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("Reviewing ended early")));

		assertThat(queries.get(campaign.getId()).getEarlyEndReason()).isEqualTo("The auditors arrive on Monday.");
		assertThat(queries.item(manualItem.getId()).isSettled()).isTrue();
		String page = mvc.perform(get("/reviews/{id}", campaign.getId()).with(LEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The auditors arrive on Monday.").contains("chart-by-system");
	}

	@Test
	void itemPageShowsTheGrantsHistoryAndTakesCommentsFromItsReviewerAndLeads() throws Exception {
		// an earlier campaign kept the grant
		decisions.decide(List.of(keycloakItem.getId()), Decision.KEEP, null, "Hugo runs the on-call rota.",
				owner.getUsername());
		ReviewCampaign later = lifecycle.start("Remediation pages later " + UUID.randomUUID(),
				Instant.now().plus(Duration.ofDays(14)), UnansweredRule.CARRY_OVER, "tests share one database",
				"compliance-lead");
		ReviewItemId now = queries.itemsOf(later.getId(), owner.getUsername(), PageRequest.of(0, 10))
			.getContent()
			.stream()
			.filter(i -> i.getGrantId().equals(keycloakGrant.getId()))
			.findFirst()
			.orElseThrow()
			.getId();

		String page = mvc.perform(get("/reviews/items/{id}", now).with(asOwner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("grant-history")
			.contains(campaign.getName())
			.contains("Hugo runs the on-call rota.")
			.contains("never recorded")
			.contains("comment-form");
		mvc.perform(get("/reviews/items/{id}", now).with(OTHER_REVIEWER)).andExpect(status().isForbidden());
		String auditorView = mvc.perform(get("/reviews/items/{id}", now).with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(auditorView).contains("grant-history").doesNotContain("comment-form");
		mvc.perform(get("/reviews/items/{id}", ReviewItemId.random()).with(LEAD)).andExpect(status().isNotFound());

		mvc.perform(
				post("/reviews/items/{id}/comments", now).param("body", "Asked Hugo whether he still covers nights.")
					.with(asOwner)
					.with(csrf()))
			.andExpect(redirectedUrl("/reviews/items/" + now));
		mvc.perform(post("/reviews/items/{id}/comments", now).param("body", "Check the rota first, please.")
			.with(LEAD)
			.with(csrf())).andExpect(redirectedUrl("/reviews/items/" + now));
		String empty = mvc
			.perform(post("/reviews/items/{id}/comments", now).param("body", "  ").with(asOwner).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(empty).contains("The comment is empty");
		mvc.perform(post("/reviews/items/{id}/comments", now).param("body", "me too").with(AUDITOR).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reviews/items/{id}/comments", now).param("body", "me too").with(OTHER_REVIEWER).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reviews/items/{id}/comments", now).param("body", "no token").with(asOwner))
			.andExpect(status().isForbidden());

		assertThat(queries.comments(now)).extracting(c -> c.getAuthor())
			.containsExactly(owner.getUsername(), "compliance-lead");
		String after = mvc.perform(get("/reviews/items/{id}", now).with(asOwner))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).contains("Asked Hugo whether he still covers nights.")
			.contains("Check the rota first, please.");
		assertThat(audit
			.search(owner.getUsername(), "REVIEW_ITEM_COMMENTED", "ReviewItem", now.toString(), null, null,
					Pageable.ofSize(5))
			.getTotalElements()).isEqualTo(1);
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	/**
	 * Over real HTTP with a form login, as a browser sends it: the CSRF token travels
	 * inside the multipart body, the proof file is stored; a file beyond the server's
	 * multipart limit comes back as a clear error on the page.
	 */
	@Test
	void aLeadConfirmsOverRealHttpWithTheCsrfTokenInTheMultipartBody() throws Exception {
		revokeAndRoute();
		java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build();
		String login = browser
			.send(java.net.http.HttpRequest.newBuilder(url("/login")).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		String form = "username=compliance-lead&password=" + java.net.URLEncoder
			.encode(EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf="
				+ csrfOf(login);
		browser.send(java.net.http.HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
			.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		String page = browser
			.send(java.net.http.HttpRequest.newBuilder(url("/reviews/remediations")).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("confirm-" + manualItem.getId());
		String token = csrfOf(page);

		java.net.http.HttpResponse<String> confirmed = browser.send(
				multipartPost("/reviews/remediations/" + manualItem.getId() + "/confirm", token,
						"Removed on the SBC by the NOC, OPS-11", "sbc.png", "image/png", PNG),
				java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(confirmed.headers().firstValue("Location").orElse("")).endsWith("/reviews/remediations");
		assertThat(queries.item(manualItem.getId()).getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(remediation.proofsOf(manualItem.getId())).singleElement()
			.satisfies(p -> assertThat(bytesOf(p.getFile())).isEqualTo(PNG));

		// a file beyond the server's multipart limit: a clear error on the page, the item
		// untouched
		byte[] huge = new byte[17 * 1024 * 1024];
		System.arraycopy(PNG, 0, huge, 0, PNG.length);
		java.net.http.HttpResponse<String> tooLarge = browser
			.send(multipartPost("/reviews/remediations/" + keycloakItem.getId() + "/confirm", token, "Removed",
					"huge.png", "image/png", huge), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(302);
		String location = tooLarge.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/reviews/remediations?refused=too-large");
		String shown = browser
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location)).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(shown).contains("far larger than the 5 MB").contains("nothing was saved");
		assertThat(queries.item(keycloakItem.getId()).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);

		// the same form without the token is refused
		java.net.http.HttpResponse<String> noToken = browser
			.send(multipartPost("/reviews/remediations/" + keycloakItem.getId() + "/confirm", null, "Removed",
					"sbc.png", "image/png", PNG), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(queries.item(keycloakItem.getId()).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
	}

	private java.net.http.HttpRequest multipartPost(String path, String csrf, String note, String fileName, String type,
			byte[] content) {
		String boundary = "----trunkguard" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.util.function.Consumer<String> text = t -> body
			.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		if (csrf != null) {
			text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n");
		}
		text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n");
		text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n");
		body.writeBytes(content);
		text.accept("\r\n--" + boundary + "--\r\n");
		return java.net.http.HttpRequest.newBuilder(url(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	private static String csrfOf(String page) {
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	private java.net.URI url(String path) {
		return java.net.URI.create("http://127.0.0.1:" + port + path);
	}

}
