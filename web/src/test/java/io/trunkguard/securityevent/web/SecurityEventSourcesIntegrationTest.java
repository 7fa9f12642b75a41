package io.trunkguard.securityevent.web;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.securityevent.SecurityEvent;
import io.trunkguard.securityevent.SecurityEventService;
import io.trunkguard.securityevent.SecurityEventSource;
import io.trunkguard.securityevent.SecurityEventType;
import io.trunkguard.securityevent.SecuritySeverity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each source, through the real security chain of the whole application (embedded
 * default, H2): a wrong password on the login form, sign-in paused after repeated
 * failures, a forged HR webhook, a SCIM call with a wrong token, an auditor's write; each
 * becomes its security event, listed on the page with its sentence.
 */
@EmbeddedDefaultTest
class SecurityEventSourcesIntegrationTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityEventService events;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	private String freshAddress() {
		return "203.0.113." + (ADDRESSES.incrementAndGet() % 250 + 1) + "-" + run;
	}

	@Test
	void aWrongPasswordOnTheLoginFormIsAFailedLogin() throws Exception {
		String address = freshAddress();
		String name = "someone-" + run;

		mvc.perform(from(address, post("/login").param("username", name).param("password", "wrong").with(csrf())))
			.andExpect(status().is3xxRedirection());

		SecurityEvent event = awaitEvent(e -> address.equals(e.getFields().get("remoteAddress")));
		assertThat(event.getType()).isEqualTo(SecurityEventType.FAILED_LOGIN);
		assertThat(event.getSource()).isEqualTo(SecurityEventSource.LOGIN);
		assertThat(event.getSubject()).isEqualTo(name);
		assertThat(event.getMessage())
			.isEqualTo("A login as “" + name + "” from " + address + " failed: wrong user name or password.");
	}

	@Test
	void repeatedFailuresPauseSignInAndThePausedLoginIsARefusedLogin() throws Exception {
		String address = freshAddress();
		String name = "guessed-" + run;
		for (int i = 0; i < 6; i++) {
			mvc.perform(
					from(address, post("/login").param("username", name).param("password", "guess-" + i).with(csrf())));
		}

		SecurityEvent event = awaitEvent(e -> address.equals(e.getFields().get("remoteAddress"))
				&& e.getType() == SecurityEventType.REFUSED_LOGIN);
		assertThat(event.getSeverity()).isEqualTo(SecuritySeverity.MEDIUM);
		assertThat(event.getMessage()).isEqualTo("A login as “" + name + "” from " + address
				+ " was refused because sign-in is paused after repeated failures.");
	}

	@Test
	void aForgedHrWebhookIsARefusedWebhook() throws Exception {
		String address = freshAddress();
		byte[] body = "{\"eventId\":\"forged-%s\",\"hrId\":\"x\",\"terminatedAt\":\"2026-12-01T10:00:00Z\"}"
			.formatted(run)
			.getBytes(StandardCharsets.UTF_8);

		mvc.perform(from(address,
				post("/hr/events/termination").contentType(MediaType.APPLICATION_JSON)
					.content(body)
					.header("X-Trunkguard-Timestamp", String.valueOf(Instant.now().getEpochSecond()))
					.header("X-Trunkguard-Signature", "sha256=" + "0".repeat(64))))
			.andExpect(status().isUnauthorized());

		SecurityEvent event = awaitEvent(e -> address.equals(e.getFields().get("remoteAddress")));
		assertThat(event.getType()).isEqualTo(SecurityEventType.REFUSED_WEBHOOK);
		assertThat(event.getSeverity()).isEqualTo(SecuritySeverity.HIGH);
		assertThat(event.getSource()).isEqualTo(SecurityEventSource.HR_WEBHOOK);
		assertThat(event.getMessage())
			.startsWith("An HR webhook call from " + address + " that did not prove to come from HR was refused: ");
	}

	@Test
	void aScimCallWithAWrongTokenIsARefusedScimCall() throws Exception {
		String address = freshAddress();

		mvc.perform(from(address,
				patch("/scim/v2/Users/" + UUID.randomUUID()).header("Authorization", "Bearer not-the-token")
					.contentType("application/scim+json")
					.content("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[]}")))
			.andExpect(status().isUnauthorized());

		SecurityEvent event = awaitEvent(e -> address.equals(e.getFields().get("remoteAddress")));
		assertThat(event.getType()).isEqualTo(SecurityEventType.REFUSED_SCIM_CALL);
		assertThat(event.getSeverity()).isEqualTo(SecuritySeverity.HIGH);
		assertThat(event.getMessage()).startsWith("A SCIM call PATCH /scim/v2/Users/")
			.endsWith(" from " + address + " was refused: wrong bearer token.");
	}

	@Test
	void anAuditorsWriteIsARefusedWriteNamingTheAuditorAndTheRole() throws Exception {
		String path = "/vendors/" + UUID.randomUUID() + "-" + run;

		mvc.perform(post(path).with(csrf()).with(user("auditor-" + run).roles("auditor")))
			.andExpect(status().isForbidden());

		SecurityEvent event = awaitEvent(e -> ("POST " + path).equals(e.getSubject()));
		assertThat(event.getType()).isEqualTo(SecurityEventType.REFUSED_WRITE);
		assertThat(event.getSource()).isEqualTo(SecurityEventSource.AUTHORIZATION);
		assertThat(event.getActor()).isEqualTo("auditor-" + run);
		assertThat(event.getMessage()).isEqualTo("“auditor-" + run + "” (auditor) tried to change data with POST "
				+ path + " and was refused: role not permitted.");
	}

	@Test
	void thePageListsEventsAsSentencesWithFiltersForReaders() throws Exception {
		String address = freshAddress();
		mvc.perform(from(address, post("/login").param("username", "page-" + run).param("password", "x").with(csrf())));
		SecurityEvent event = awaitEvent(e -> address.equals(e.getFields().get("remoteAddress")));
		String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();

		String page = mvc
			.perform(get("/security-events").param("type", "FAILED_LOGIN")
				.param("severity", "LOW")
				.param("source", "LOGIN")
				.param("from", LocalDate.parse(today).minusDays(1).toString())
				.param("to", today)
				.with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-event-id=\"" + event.getId() + "\"")
			.contains(event.getMessage().replace("“", "&ldquo;").replace("”", "&rdquo;").substring(0, 10))
			.contains("Failed login")
			.doesNotContain(">FAILED_LOGIN<");

		String otherType = mvc
			.perform(get("/security-events").param("type", "SIP_SCANNER").with(user("lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(otherType).doesNotContain("data-event-id=\"" + event.getId() + "\"");

		mvc.perform(get("/security-events").param("from", "yesterday").with(user("admin").roles("admin")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/security-events").param("severity", "SEVERE").with(user("admin").roles("admin")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/security-events").param("from", "2026-12-02")
			.param("to", "2026-12-01")
			.with(user("admin").roles("admin"))).andExpect(status().isBadRequest());
		mvc.perform(get("/security-events").with(user("reviewer").roles("reviewer"))).andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
		return request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	private SecurityEvent awaitEvent(Predicate<SecurityEvent> wanted) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			events.deriveNew();
			List<SecurityEvent> found = events
				.search(null, null, null, Instant.now().minusSeconds(3600), null, PageRequest.of(0, 500))
				.stream()
				.filter(wanted)
				.toList();
			if (!found.isEmpty()) {
				return found.get(0);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("no such security event within 20 s");
	}

}
