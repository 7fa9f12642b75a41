package io.trunkguard.control.web;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.engagement.AuditDraft;
import io.trunkguard.engagement.AuditEngagementService;
import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The controls page and API and the evidence items API in the embedded default: gaps
 * named for a period, narratives written by a lead only, an auditor's flag answered by a
 * lead, refusals audited.
 */
@EmbeddedDefaultTest
class ControlsAndEvidenceWebIntegrationTest {

	static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");

	static final RequestPostProcessor OTHER_LEAD = user("lead-two").roles("compliance-lead");

	static final RequestPostProcessor AUDITOR = user("auditor").roles("auditor");

	@Autowired
	MockMvc mvc;

	@Autowired
	EvidenceService evidence;

	@Autowired
	AuditEntries audit;

	@Autowired
	AuditEngagementService audits;

	@Test
	void showsEachControlWithTheGapsOfThePeriod() throws Exception {
		mvc.perform(get("/controls").param("from", "2021-01-01").param("to", "2021-06-30").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2021-Q2: no signed-off access review campaign")))
			.andExpect(content().string(containsString("not satisfied")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("narrative-save-CC6.1"))));
		mvc.perform(get("/api/controls").param("from", "2021-01-01").param("to", "2021-06-30").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("CC6.1", "CC6.7", "CC7.2", "CC9.2")))
			.andExpect(jsonPath("$[0].state").value("NOT_SATISFIED"))
			.andExpect(jsonPath("$[0].gaps[*].text").value(hasItem("2021-Q1: no signed-off access review campaign")));
		mvc.perform(get("/api/controls").param("from", "2021-13-01").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aLeadWritesANarrativeAndAnAuditorCannot() throws Exception {
		mvc.perform(post("/controls/CC9.2/narrative").param("text", "Carriers are reviewed every year.")
			.param("basedOnVersion", "0")
			.with(LEAD)
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/controls").with(LEAD))
			.andExpect(content().string(containsString("Carriers are reviewed every year.")))
			.andExpect(content().string(containsString("narrative-save-CC9.2")));
		mvc.perform(post("/controls/CC9.2/narrative").param("text", "Nothing to see.")
			.param("basedOnVersion", "1")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void anAuditorFlagsEvidenceAndALeadAnswersThenAnotherApproves() throws Exception {
		EvidenceItem item = evidence.store(("%PDF-1.4\n" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII),
				"review-record.pdf", new EvidenceDraft("Annual review of Bluefin", List.of("CC9.2"),
						LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 3), "VendorReview", "bluefin"),
				"compliance-lead");
		// an auditor flags only evidence inside an audit assigned to them
		audits.create(new AuditDraft("Carrier reviews 2026 " + item.getId(), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), List.of("CC9.2"), List.of("auditor")), "compliance-lead");

		mvc.perform(get("/api/evidence-items").param("from", "2026-04-01").param("to", "2026-06-30").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + item.getId() + "')].inPeriod").value(hasItem(true)));
		mvc.perform(get("/api/evidence-items").param("from", "2026-07-01").param("to", "2026-09-30").with(AUDITOR))
			.andExpect(jsonPath("$[?(@.id == '" + item.getId() + "')].inPeriod").value(hasItem(false)));

		mvc.perform(post("/api/evidence-items/{id}/approve", item.getId()).with(AUDITOR).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/evidence-items/{id}/flag", item.getId()).with(LEAD)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"lead cannot flag\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/evidence-items/{id}/flag", item.getId()).with(AUDITOR)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"The opinion page is missing\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("flagged"));
		mvc.perform(post("/api/evidence-items/{id}/answer", item.getId()).with(LEAD)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Page 3 holds the opinion\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ready"));
		mvc.perform(post("/api/evidence-items/{id}/approve", item.getId()).with(LEAD).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/evidence-items/{id}/approve", item.getId()).with(OTHER_LEAD).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("approved"));
		mvc.perform(post("/api/evidence-items/{id}/period", item.getId()).with(LEAD)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}")).andExpect(status().isBadRequest());

		assertThat(audit
			.search("auditor", "EVIDENCE_FLAGGED", "EvidenceItem", item.getId().toString(), null, null,
					PageRequest.of(0, 5))
			.getContent()).singleElement().satisfies(e -> assertThat(e.getDetails()).contains("opinion page"));
	}

}
