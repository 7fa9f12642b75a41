package io.trunkguard.deprovisioning.hr;

import io.trunkguard.testsupport.RemoteAddresses;
import io.trunkguard.TrunkguardApplication;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.security.UnauthenticatedRefusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signed HR webhook in the whole application (security chain, domain, engine) on H2:
 * a valid event is accepted once, and every kind of bad request is refused with its
 * status, audited, and starts nothing.
 */
@SpringBootTest(classes = TrunkguardApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:trunkguard-hr-webhook;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"trunkguard.demo.enabled=false", "trunkguard.hr.webhook.secret=" + HrWebhookIntegrationTest.SECRET,
				"trunkguard.deprovisioning.roster-max-terminations-percent=50",
				"camunda.bpm.job-execution.enabled=false" })
@AutoConfigureMockMvc
class HrWebhookIntegrationTest {

	static final String SECRET = "test-webhook-secret-0123456789";
	static final String PATH = "/hr/events/termination";

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	AuditEntries audit;

	@Autowired
	JdbcTemplate jdbc;

	Person leaver;

	@Autowired
	UnauthenticatedRefusals refusalCounts;

	@BeforeEach
	void setUp() {
		String hr = "HR-" + UUID.randomUUID().toString().substring(0, 8);
		leaver = people.register(new PersonDetails(hr, "Leo Leaver", hr.toLowerCase() + "@example.test",
				hr.toLowerCase(), null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 1, 2), null), "tester");
	}

	String event(String eventId) {
		return """
				{"eventId": "%s", "hrId": "%s", "effectiveAt": "2026-11-26T17:00:00Z", "type": "termination"}
				""".formatted(eventId, leaver.getHrId());
	}

	static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

	static MockHttpServletRequestBuilder signed(String timestamp, byte[] body) {
		return post(PATH).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(SECRET).sign(timestamp, body));
	}

	int cases() {
		return jdbc.queryForObject("select count(*) from deprovisioning_case", Integer.class);
	}

	long processesOf(String caseId) {
		return jdbc.queryForObject(
				"select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = 'deprovisioning'",
				Long.class, caseId);
	}

	List<AuditEntry> refusalsFrom(String address) {
		return refusals().stream()
			.filter(entry -> entry.getDetails().contains("\"remoteAddress\":\"" + address + "\""))
			.toList();
	}

	List<AuditEntry> refusals() {
		return audit.search(null, "HR_WEBHOOK_REFUSED", null, null, null, null, Pageable.ofSize(500)).getContent();
	}

	/**
	 * Runs a request that must be refused with {@code status} and checks that it was
	 * audited and started nothing: no case for the person (processes start only from
	 * cases, so none for them either).
	 */
	void assertRefused(MockHttpServletRequestBuilder request, int status, String reason) throws Exception {
		int casesBefore = cases();
		int refusalsBefore = refusals().size();

		mvc.perform(request.with(RemoteAddresses.fromAFreshAddress()))
			.andExpect(status().is(status))
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(header().doesNotExist("Set-Cookie"));

		assertThat(cases()).isEqualTo(casesBefore);
		assertThat(deprovisioning.casesOf(leaver.getId())).isEmpty();
		List<AuditEntry> after = refusals();
		assertThat(after).hasSize(refusalsBefore + 1);
		assertThat(after).anyMatch(entry -> entry.getDetails().contains(reason));
	}

	/**
	 * Issue 13: 200 forged events from one address wrote 200 entries. The first is
	 * written at once, the rest are counted into one entry: the trail grows by two, and
	 * says how many there were.
	 */
	@Test
	void countsAFloodOfForgedEventsFromOneAddressInOneEntry() throws Exception {
		String attacker = RemoteAddresses.fresh();
		byte[] body = event("evt-forged").getBytes(StandardCharsets.UTF_8);

		for (int i = 0; i < 200; i++) {
			mvc.perform(post("/hr/events/termination").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header(WebhookSignature.TIMESTAMP_HEADER, now())
				.header(WebhookSignature.SIGNATURE_HEADER, "sha256=" + "0".repeat(64))
				.with(request -> {
					request.setRemoteAddr(attacker);
					return request;
				})).andExpect(status().isUnauthorized());
		}
		assertThat(refusalsFrom(attacker)).as("written at once: the first").hasSize(1);
		refusalCounts.flushAll();

		List<AuditEntry> fromTheAttacker = refusalsFrom(attacker);
		assertThat(fromTheAttacker).hasSize(2).allSatisfy(entry -> assertThat(entry.getActor()).isEqualTo("anonymous"));
		assertThat(fromTheAttacker.get(0).getDetails()).contains("\"repeated\":199");
	}

	@Test
	void acceptsASignedEventAtOnceAndTheSameEventAgainWithTheSameCase() throws Exception {
		String eventId = "evt-" + UUID.randomUUID();
		byte[] body = event(eventId).getBytes(StandardCharsets.UTF_8);

		MvcResult first = mvc.perform(signed(now(), body))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.newCase").value(true))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();
		String caseId = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.caseId");
		mvc.perform(signed(now(), body))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.caseId").value(caseId))
			.andExpect(jsonPath("$.newCase").value(false));

		// the case and its process are written by the intake worker after the answer:
		// wait for them, then check there is one process, not two
		SignedWebhooks.awaitIntake(jdbc);
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (processesOf(caseId) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(500);
		assertThat(processesOf(caseId)).as("one deprovisioning process for the case, not two").isOne();
		var c = deprovisioning.get(DeprovisioningCaseId.of(caseId));
		assertThat(c.getPersonId()).isEqualTo(leaver.getId());
		assertThat(c.getEffectiveAt()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
		assertThat(c.getReceipts()).hasSize(2).allMatch(r -> r.getSource() == TerminationSource.HR_WEBHOOK);
	}

	@Test
	void refusesAForgedSignature() throws Exception {
		byte[] body = event("evt-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		String timestamp = now();
		String forged = new WebhookSignature("not-the-secret").sign(timestamp, body);
		assertRefused(post(PATH).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignature.SIGNATURE_HEADER, forged), 401, "signature mismatch");
	}

	@Test
	void refusesABodyChangedAfterSigning() throws Exception {
		byte[] body = event("evt-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		String timestamp = now();
		String signature = new WebhookSignature(SECRET).sign(timestamp, body);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("2026-11-26", "2027-01-01")
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(post(PATH).contentType(MediaType.APPLICATION_JSON)
			.content(tampered)
			.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignature.SIGNATURE_HEADER, signature), 401, "signature mismatch");
	}

	@Test
	void refusesAReplayOlderThanFiveMinutes() throws Exception {
		byte[] body = event("evt-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		String sixMinutesAgo = Long.toString(Instant.now().minusSeconds(360).getEpochSecond());
		assertRefused(signed(sixMinutesAgo, body), 401, "replay");
	}

	@Test
	void refusesAMissingTimestamp() throws Exception {
		byte[] body = event("evt-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		assertRefused(
				post(PATH).contentType(MediaType.APPLICATION_JSON)
					.content(body)
					.header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(SECRET).sign(now(), body)),
				401, "missing timestamp");
	}

	@Test
	void refusesAnUnsignedRequest() throws Exception {
		byte[] body = event("evt-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		assertRefused(post(PATH).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header(WebhookSignature.TIMESTAMP_HEADER, now()), 401, "missing signature");
	}

	@Test
	void refusesAnOversizedBody() throws Exception {
		byte[] body = ("{\"eventId\": \"big\", \"padding\": \"" + "x".repeat(70_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(signed(now(), body), 413, "body larger than 65536 bytes");
	}

	@Test
	void refusesMalformedJsonEvenWhenSigned() throws Exception {
		assertRefused(signed(now(), "{\"eventId\": \"evt-1\", \"hrId\": ".getBytes(StandardCharsets.UTF_8)), 400,
				"not valid JSON");
	}

	@Test
	void refusesAnEventWithoutItsFields() throws Exception {
		assertRefused(signed(now(), "{\"eventId\": \"evt-2\"}".getBytes(StandardCharsets.UTF_8)), 400,
				"hrId is required");
	}

	@Test
	void refusesAnEventIdAlreadyBoundToAnotherPersonWith409AndAuditsTheConflict() throws Exception {
		String eventId = "evt-" + UUID.randomUUID();
		MvcResult first = mvc.perform(signed(now(), event(eventId).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isAccepted())
			.andReturn();
		String caseId = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.caseId");
		String hr = "HR-" + UUID.randomUUID().toString().substring(0, 8);
		Person other = people.register(new PersonDetails(hr, "Bea Other", hr.toLowerCase() + "@example.test",
				hr.toLowerCase(), null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 1, 2), null), "tester");
		byte[] body = """
				{"eventId": "%s", "hrId": "%s", "effectiveAt": "2026-11-26T17:00:00Z"}
				""".formatted(eventId, other.getHrId()).getBytes(StandardCharsets.UTF_8);

		mvc.perform(signed(now(), body))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.code").value("deprovisioning.event-id-conflict"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(other.getHrId())));

		SignedWebhooks.awaitIntake(jdbc);
		assertThat(deprovisioning.casesOf(other.getId())).isEmpty();
		assertThat(deprovisioning.get(DeprovisioningCaseId.of(caseId)).getReceipts()).hasSize(1);
		assertThat(audit.search(null, "DEPROVISIONING_EVENT_CONFLICT", "DeprovisioningCase", caseId, null, null,
				Pageable.ofSize(10)))
			.singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains(other.getHrId()).contains(eventId));
	}

	@Test
	void refusesAnEffectiveTimeFarInTheFutureOrPastWithAProblem() throws Exception {
		for (String effectiveAt : List.of("2099-01-01T00:00:00Z", "1970-01-01T00:00:00Z")) {
			byte[] body = """
					{"eventId": "evt-%s", "hrId": "%s", "effectiveAt": "%s"}
					""".formatted(UUID.randomUUID(), leaver.getHrId(), effectiveAt).getBytes(StandardCharsets.UTF_8);
			assertRefused(signed(now(), body), 400, "effectiveAt out of range: " + effectiveAt);
		}
		byte[] body = """
				{"eventId": "evt-%s", "hrId": "%s", "effectiveAt": "2099-01-01T00:00:00Z"}
				""".formatted(UUID.randomUUID(), leaver.getHrId()).getBytes(StandardCharsets.UTF_8);
		mvc.perform(signed(now(), body))
			.andExpect(jsonPath("$.title").value("Termination date out of range"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("days ahead")));
	}

	@Test
	void refusesAnEventForAnUnknownPerson() throws Exception {
		byte[] body = "{\"eventId\": \"evt-3\", \"hrId\": \"NOBODY-1\", \"effectiveAt\": \"2026-11-26T17:00:00Z\"}"
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(signed(now(), body), 422, "unknown HR id NOBODY-1");
	}

}
