package io.trunkguard.trace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.people.PersonService;
import io.trunkguard.securityevent.SecurityEventService;
import io.trunkguard.security.Role;
import io.trunkguard.security.apitoken.ApiTokens;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.ContractDraft;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.trunkguard.trace.web.CaptureApiIntegrationTest.CAPTURES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures of one trunk pushed through the API, on PostgreSQL with the job executor:
 * the contract clause (TLS 1.2 or newer, SRTP) is met by the SRTP call and violated by
 * the later plain RTP call, with the leg and the frames of the plain RTP; the regression
 * and the HIGH finding each open a remediation task for the carrier's owner (with its
 * process and a security event row); a newer encrypted capture closes one, a lead's
 * accepted risk the other, and an older capture or a reviewer cannot.
 */
@CaptureTestContext
class CaptureRemediationIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	VendorService vendors;

	@Autowired
	CarrierRecords records;

	@Autowired
	PersonService people;

	@Autowired
	SecurityEventService securityEvents;

	@Autowired
	QuestionnaireService questionnaires;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String run = UUID.randomUUID().toString().substring(0, 8);

	String lead;

	String reviewer;

	@BeforeEach
	void tokens() {
		LocalDate expiry = LocalDate.now().plusDays(7);
		lead = tokens.create("remediation-lead-" + run, Role.COMPLIANCE_LEAD, expiry, "admin").secret();
		reviewer = tokens.create("remediation-reviewer-" + run, Role.REVIEWER, expiry, "admin").secret();
	}

	@Test
	void opensRemediationTasksForARegressionAndAHighFindingAndClosesThemOnlyAsAllowed() throws Exception {
		Vendor carrier = vendors.register(
				new VendorDetails("Clause Carrier " + run, "SIP trunking", RiskTier.HIGH,
						people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0).getId(), List.of()),
				"tester");
		records.addContract(carrier.getId(), new ContractDraft("Master services agreement",
				LocalDate.now().minusYears(1), null, 90, true, SignallingClause.TLS_1_2, MediaClause.SRTP), null,
				"tester");
		String owner = people.get(carrier.getOwnerId()).getFullName();

		String srtp = analyse(carrier, "sip-tls-opus-srtp.pcapng");
		JsonNode met = encryption(carrier);
		assertThat(met.get("clauseMet").asBoolean()).as(met.toString()).isTrue();
		assertThat(met.get("remediations")).isEmpty();

		String plain = analyse(carrier, "sip-tls-amr-plain.pcapng");
		JsonNode violated = encryption(carrier);
		assertThat(violated.get("clauseMet").asBoolean()).isFalse();
		JsonNode violation = violated.get("violations").get(0);
		assertThat(violation.get("legId").asText()).isEqualTo("L1");
		assertThat(violation.get("trunk").asText()).isEqualTo("127.0.0.1:5081");
		assertThat(violation.get("requirement").asText()).isEqualTo("media: SRTP");
		assertThat(violation.get("observed").asText()).startsWith("plain RTP");
		assertThat(violation.get("frames")).isNotEmpty();
		assertThat(violated.get("violations")).hasSize(1);

		// the carrier answered that media is SRTP and never falls back to plain RTP
		Questionnaire questionnaire = questionnaires.send(carrier.getId(), null, null, "Carrier Contact",
				"contact-" + run + "@carrier.example", "tester");
		String body = jdbc.queryForObject(
				"select body from outbox_message where reference_type = 'Questionnaire' and reference_id = ?",
				String.class, questionnaire.getId().toString());
		String token = body.replaceAll("(?s).*/q/([A-Za-z0-9_-]+).*", "$1");
		questionnaires.submit(token,
				Map.of("ENC-1", "Yes", "ENC-3", "SRTP with keys exchanged over TLS (SDES)", "ENC-4", "No"),
				"127.0.0.1");
		JsonNode contradicted = encryption(carrier);
		assertThat(contradicted.get("questionnaireContradictions").toString())
			.contains("ENC-3", "ENC-4", "sip-tls-amr-plain.pcapng")
			.doesNotContain("ENC-1");
		HttpResponse<String> carrierPage = http.send(
				request(lead, "/vendors/" + carrier.getId()).setHeader("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(carrierPage.body()).contains("questionnaire-contradictions", "The carrier answered ENC-3 with",
				"Contract clause violated", "carrier-remediations");

		Map<String, JsonNode> tasks = new java.util.HashMap<>();
		violated.get("remediations").forEach(t -> tasks.put(t.get("cause").asText(), t));
		assertThat(tasks).containsOnlyKeys("Encryption regression", "High CC6.7 finding");
		JsonNode regression = tasks.get("Encryption regression");
		JsonNode finding = tasks.get("High CC6.7 finding");
		assertThat(regression.get("trunk").asText()).isEqualTo("127.0.0.1:5081");
		assertThat(regression.get("captureId").asText()).isEqualTo(plain);
		assertThat(regression.get("description").asText()).contains("sip-tls-opus-srtp.pcapng",
				"sip-tls-amr-plain.pcapng");
		assertThat(regression.get("owner").asText()).isEqualTo(owner);
		assertThat(LocalDate.parse(regression.get("dueOn").asText())).isEqualTo(LocalDate.now().plusDays(14));
		assertThat(finding.get("ruleId").asText()).isEqualTo("MEDIA_PLAIN_RTP");
		assertThat(finding.get("frames")).isNotEmpty();
		for (JsonNode task : List.of(regression, finding)) {
			assertThat(jdbc.queryForObject(
					"select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
							+ "where d.key_ = 'encryptionRemediation' and e.business_key_ = ?",
					Integer.class, task.get("id").asText()))
				.as("a process waits for the task's due date or close-out")
				.isPositive();
		}

		// derivation skips its locked cursor while the background pump holds it: wait
		// (bounded) for the pump or this call to derive them
		List<Map<String, Object>> events = List.of();
		for (long until = System.nanoTime() + 30_000_000_000L; events.size() < 2 && System.nanoTime() < until;) {
			securityEvents.deriveNew();
			events = jdbc.queryForList(
					"select type, severity, message from security_event where type = 'ENCRYPTION_REMEDIATION' and subject = ?",
					carrier.getName());
			if (events.size() < 2) {
				Thread.sleep(200);
			}
		}
		assertThat(events).hasSize(2);
		assertThat(events).allSatisfy(e -> assertThat((String) e.get("message")).contains(carrier.getName(), owner));

		// closing: an older capture cannot, a reviewer cannot, a newer capture of the
		// trunk can
		assertThat(post(lead, "/api/captures/remediations/" + regression.get("id").asText() + "/close",
				Map.of("captureId", srtp))
			.statusCode()).isEqualTo(400);
		assertThat(post(reviewer, "/api/captures/remediations/" + finding.get("id").asText() + "/accept-risk",
				Map.of("justification", "The carrier migrates to SRTP next month, approved."))
			.statusCode()).isEqualTo(403);
		String newer = analyse(carrier, "sip-tls-amr-srtp.pcapng");
		HttpResponse<String> closed = post(lead,
				"/api/captures/remediations/" + regression.get("id").asText() + "/close", Map.of("captureId", newer));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(json.readTree(closed.body()).get("closure").asText()).isEqualTo("Closed by a newer capture");

		escalatesByMailOnceOverdue(carrier, finding);

		assertThat(post(lead, "/api/captures/remediations/" + finding.get("id").asText() + "/accept-risk",
				Map.of("justification", "short"))
			.statusCode()).isEqualTo(400);
		HttpResponse<String> accepted = post(lead,
				"/api/captures/remediations/" + finding.get("id").asText() + "/accept-risk",
				Map.of("justification", "The carrier migrates to SRTP next month; the trunk carries test calls only."));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(json.readTree(accepted.body()).get("closure").asText()).isEqualTo("Risk accepted");
		assertThat(encryption(carrier).get("clauseMet").asBoolean()).as("the newest capture meets the clause").isTrue();
		assertThat(jdbc.queryForObject(
				"select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
						+ "where d.key_ = 'encryptionRemediation' and e.business_key_ in (?, ?)",
				Integer.class, regression.get("id").asText(), finding.get("id").asText()))
			.as("both processes ended with the close-out")
			.isZero();
	}

	/**
	 * Moves the task's due date and its process's timer into the past: the job executor
	 * fires the timer, the process escalates the task, and mail goes to the owner's
	 * manager and the compliance leads naming carrier, trunk, what was found and the due
	 * date.
	 */
	private void escalatesByMailOnceOverdue(Vendor carrier, JsonNode task) throws Exception {
		String id = task.get("id").asText();
		LocalDate due = LocalDate.now().minusDays(2);
		jdbc.update("update encryption_remediation set due_on = ? where id = ?", java.sql.Date.valueOf(due),
				UUID.fromString(id));
		assertThat(jdbc
			.update("update act_ru_job set duedate_ = ? where handler_type_ = 'timer-intermediate-transition' "
					+ "and process_instance_id_ = (select e.proc_inst_id_ from act_ru_execution e join act_re_procdef d "
					+ "on d.id_ = e.proc_def_id_ where d.key_ = 'encryptionRemediation' and e.business_key_ = ? "
					+ "and e.parent_id_ is null)", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
					id))
			.as("the process's due-date timer")
			.isEqualTo(1);
		List<Map<String, Object>> mails = List.of();
		for (long until = System.nanoTime() + 60_000_000_000L; mails.isEmpty() && System.nanoTime() < until;) {
			mails = jdbc.queryForList("select recipient_username, subject, body from outbox_message "
					+ "where kind = 'ENCRYPTION_REMEDIATION_OVERDUE' and reference_id = ?", id);
			if (mails.isEmpty()) {
				Thread.sleep(250);
			}
		}
		assertThat(mails).as("escalation mail").isNotEmpty();
		assertThat(mails).allSatisfy(mail -> {
			assertThat((String) mail.get("subject")).contains(carrier.getName(), "127.0.0.1:5081");
			assertThat((String) mail.get("body")).contains(carrier.getName(), "127.0.0.1:5081", due.toString(),
					"high cc6.7 finding", "sip-tls-amr-plain.pcapng", "accepts the risk");
		});
		List<String> to = mails.stream().map(mail -> (String) mail.get("recipient_username")).toList();
		assertThat(to).as("the compliance leads").contains("compliance-lead");
		io.trunkguard.people.Person owner = people.get(carrier.getOwnerId());
		if (owner.getManagerId() != null) {
			assertThat(to).as("the owner's manager").contains(people.get(owner.getManagerId()).getUsername());
		}
		assertThat(jdbc.queryForObject("select escalated_at is not null from encryption_remediation where id = ?",
				Boolean.class, UUID.fromString(id)))
			.isTrue();
	}

	private JsonNode encryption(Vendor carrier) throws Exception {
		HttpResponse<String> response = http.send(
				request(lead, "/api/vendors/" + carrier.getId() + "/encryption-clause").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private String analyse(Vendor carrier, String file) throws Exception {
		Path capture = CAPTURES.resolve(file);
		MultipartUpload form = new MultipartUpload().field("label", "carrier-trunk")
			.field("vendorId", carrier.getId().toString())
			.file("keylog", CAPTURES.resolve(file + ".keylog"))
			.file("file", capture);
		HttpResponse<String> posted = http.send(
				request(lead, "/api/captures").header("Content-Type", form.contentType()).POST(form.body()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
		String id = json.readTree(posted.body()).get("id").asText();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			JsonNode state = json.readTree(
					http.send(request(lead, "/api/captures/" + id).GET().build(), HttpResponse.BodyHandlers.ofString())
						.body());
			if (state.get("status").asText().equals("DONE")) {
				return id;
			}
			assertThat(state.get("status").asText()).isNotEqualTo("FAILED");
			assertThat(System.nanoTime()).as("analysed within 90 s").isLessThan(deadline);
			Thread.sleep(250);
		}
	}

	private HttpResponse<String> post(String token, String path, Map<String, String> body) throws Exception {
		return http.send(request(token, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String token, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

}
