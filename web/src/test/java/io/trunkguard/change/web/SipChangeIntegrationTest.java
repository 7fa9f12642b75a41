package io.trunkguard.change.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFileId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * SIP change records in the embedded default: an excerpt uploaded with a password, an
 * SRTP key and a private key is stored without them (and says what was removed); the
 * requester's and the recorder's approvals are refused and audited; a second person's
 * approval stores the change record as CC8.1/CC6.7 evidence dated the day it was applied;
 * the auditor reads the list and may not write.
 */
@EmbeddedDefaultTest
class SipChangeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	FileStore files;

	@Autowired
	EvidenceService evidence;

	@Autowired
	AuditEntries audit;

	String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void storesAnUploadedExcerptWithItsSecretsRedacted() throws Exception {
		String id = recordChange("lead-" + run, "engineer-" + run);
		String excerpt = """
				[trunk]
				type=auth
				password=SuperSecret-%s
				a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32
				-----BEGIN PRIVATE KEY-----
				MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7
				-----END PRIVATE KEY-----
				protocol=tls
				""".formatted(run);

		MvcResult uploaded = mvc
			.perform(multipart("/api/changes/" + id + "/excerpts")
				.file(new MockMultipartFile("file", "sbc.conf", "text/plain", excerpt.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(user("lead-" + run).roles("compliance-lead")))
			.andReturn();

		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		JsonNode body = json.readTree(uploaded.getResponse().getContentAsString());
		assertThat(body.get("redactions").asInt()).isEqualTo(3);
		assertThat(body.get("redacted").asText()).isEqualTo(
				"Removed before storing: 1 password or secret (line 3), 1 SRTP key (line 4), 1 private key (line 5).");
		JsonNode change = json
			.readTree(mvc.perform(get("/api/changes/" + id).with(user("auditor-" + run).roles("auditor")))
				.andReturn()
				.getResponse()
				.getContentAsString());
		String fileId = storedFileOf(change);
		String stored;
		try (InputStream in = files.open(StoredFileId.of(fileId))) {
			stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(stored)
			.doesNotContain("SuperSecret-" + run, "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR",
					"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7")
			.contains("password=[REDACTED]", "protocol=tls");
		org.springframework.test.web.servlet.MvcResult streamed = mvc
			.perform(get("/changes/" + id + "/excerpts/" + change.get("excerpts").get(0).get("id").asText())
				.with(user("auditor-" + run).roles("auditor")))
			.andReturn();
		// the download is streamed: MockMvc hands it over in an async dispatch
		String download = (streamed.getRequest().isAsyncStarted() ? mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(streamed))
			.andReturn() : streamed).getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(download).isEqualTo(stored);
	}

	@Test
	void refusesABinaryFileAndLosesNothing() throws Exception {
		String id = recordChange("lead-" + run, "engineer-" + run);

		MvcResult refused = mvc.perform(multipart("/api/changes/" + id + "/excerpts")
			.file(new MockMultipartFile("file", "capture.pcap", "application/octet-stream",
					new byte[] { (byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0 }))
			.with(csrf())
			.with(user("lead-" + run).roles("compliance-lead"))).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("is not a text file");
	}

	@Test
	void refusesApprovalByTheRequesterOrRecorderAndAcceptsASecondPerson() throws Exception {
		String lead = "lead-" + run;
		String requester = "admin-" + run;
		String id = recordChange(lead, requester);

		MvcResult byRequester = mvc
			.perform(post("/api/changes/" + id + "/approval").with(csrf()).with(user(requester).roles("admin")))
			.andReturn();
		MvcResult byRecorder = mvc
			.perform(post("/api/changes/" + id + "/approval").with(csrf()).with(user(lead).roles("compliance-lead")))
			.andReturn();

		String requesterPage = mvc.perform(get("/changes/" + id).with(user(requester).roles("admin")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secondPage = mvc.perform(get("/changes/" + id).with(user("second-" + run).roles("compliance-lead")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(requesterPage).as("no approve button for the requester").doesNotContain("id=\"approve\"");
		assertThat(secondPage).contains("id=\"approve\"", "Awaiting approval");
		assertThat(byRequester.getResponse().getStatus()).isEqualTo(409);
		assertThat(json.readTree(byRequester.getResponse().getContentAsString()).get("detail").asText())
			.isEqualTo(requester + " asked for this change and so cannot approve it: a second person must approve it.");
		assertThat(byRecorder.getResponse().getStatus()).isEqualTo(409);
		assertThat(audit
			.search(requester, "SIP_CHANGE_APPROVAL_REFUSED", "SipChange", id, null, null, PageRequest.of(0, 5))
			.getTotalElements()).as("the refusal is audited").isEqualTo(1);

		MvcResult bySecond = mvc
			.perform(post("/api/changes/" + id + "/approval").with(csrf())
				.with(user("second-" + run).roles("compliance-lead")))
			.andReturn();

		assertThat(bySecond.getResponse().getStatus()).isEqualTo(200);
		JsonNode approved = json.readTree(bySecond.getResponse().getContentAsString());
		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.get("approvedBy").asText()).isEqualTo("second-" + run);
		EvidenceItem item = evidence.get(UUID.fromString(approved.get("evidenceItemId").asText()));
		assertThat(item.getControls()).containsExactlyInAnyOrder("CC8.1", "CC6.7");
		assertThat(item.getEvidencedFrom()).isEqualTo(LocalDate.parse("2026-11-02"));
		assertThat(
				audit.search("second-" + run, "SIP_CHANGE_APPROVED", "SipChange", id, null, null, PageRequest.of(0, 5))
					.getTotalElements())
			.isEqualTo(1);
	}

	@Test
	void letsTheAuditorReadTheListButNotRecord() throws Exception {
		String id = recordChange("lead-" + run, "engineer-" + run);

		String page = mvc
			.perform(get("/changes").param("from", "2026-11-01")
				.param("to", "2026-11-30")
				.with(user("auditor-" + run).roles("auditor")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int refused = mvc
			.perform(
					post("/api/changes/" + id + "/approval").with(csrf()).with(user("auditor-" + run).roles("auditor")))
			.andReturn()
			.getResponse()
			.getStatus();
		int badPeriod = mvc
			.perform(get("/api/changes").param("from", "last month").with(user("auditor-" + run).roles("auditor")))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(page).contains("data-change=\"" + id + "\"", "Require SRTP " + run);
		assertThat(refused).isEqualTo(403);
		assertThat(badPeriod).isEqualTo(400);
	}

	private String recordChange(String recorder, String requester) throws Exception {
		String body = json.writeValueAsString(java.util.Map.of("kind", "sbc", "systemName", "edge-sbc-" + run,
				"summary", "Require SRTP " + run, "reason", "The contract requires encrypted media.", "requestedBy",
				requester, "appliedOn", "2026-11-02", "touchesEncryption", true));
		MvcResult recorded = mvc
			.perform(post("/api/changes").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(csrf())
				.with(user(recorder).roles("compliance-lead")))
			.andReturn();
		assertThat(recorded.getResponse().getStatus()).as(recorded.getResponse().getContentAsString()).isEqualTo(201);
		return json.readTree(recorded.getResponse().getContentAsString()).get("id").asText();
	}

	private String storedFileOf(JsonNode change) {
		return change.get("excerpts").get(0).get("storedFileId").asText();
	}

}
