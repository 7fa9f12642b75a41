package io.trunkguard.securityevent;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.vendor.VendorId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security events derived from what the audit trail records, against a real database (H2
 * and PostgreSQL by the subclasses): each kind of entry gives its event with a sentence,
 * severity and source; other entries give none; two derivers at once derive each entry
 * once.
 */
abstract class SecurityEventIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	SecurityEventService service;

	@Autowired
	SecurityEvents events;

	/**
	 * A unique address per test, so the events of one test are found among the others.
	 */
	final String address = "198.51.100." + (int) (Math.random() * 200 + 1) + "-" + UUID.randomUUID();

	private List<SecurityEvent> eventsFrom(String marker, int expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<SecurityEvent> found = List.of();
		while (System.nanoTime() < deadline) {
			service.deriveNew();
			found = service.search(null, null, null, Instant.now().minusSeconds(3600), null, PageRequest.of(0, 500))
				.stream()
				.filter(e -> e.getFields().containsValue(marker) || e.getMessage().contains(marker))
				.toList();
			if (found.size() >= expected) {
				return found;
			}
			sleep();
		}
		return found;
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void failedLoginBecomesALowEventNamingTheTypedNameAndAddress() {
		trail.record("anonymous", "LOGIN_FAILED", "User", null, Map.of("remoteAddress", address, "typedName", "mallory",
				"reason", "wrong user name or password", "method", "password form"));

		SecurityEvent event = eventsFrom(address, 1).get(0);

		assertThat(event.getType()).isEqualTo(SecurityEventType.FAILED_LOGIN);
		assertThat(event.getSeverity()).isEqualTo(SecuritySeverity.LOW);
		assertThat(event.getSource()).isEqualTo(SecurityEventSource.LOGIN);
		assertThat(event.getSubject()).isEqualTo("mallory");
		assertThat(event.getMessage())
			.isEqualTo("A login as “mallory” from " + address + " failed: wrong user name or password.");
		assertThat(event.getFields()).containsEntry("typedName", "mallory")
			.containsEntry("auditAction", "LOGIN_FAILED")
			.containsKey("auditSequence");
	}

	/**
	 * The trail is append-only: entries written before December 2026 name the reason and
	 * the method by Spring Security's class names, and still read as words.
	 */
	@Test
	void failedLoginReadsTheSameFromAnOldClassNameEntryAsFromAWordsEntry() {
		trail.record("anonymous", "LOGIN_FAILED", "User", null, Map.of("remoteAddress", address, "typedName", "old",
				"reason", "BadCredentialsException", "method", "UsernamePasswordAuthenticationToken"));
		trail.record("anonymous", "LOGIN_FAILED", "User", null, Map.of("remoteAddress", address, "typedName", "new",
				"reason", "wrong user name or password", "method", "password form"));
		trail.record("anonymous", "LOGIN_FAILED", "User", null,
				Map.of("remoteAddress", address, "typedName", "bearer", "tokenSha256Prefix", "0123456789ab", "reason",
						"InvalidBearerTokenException", "method", "BearerTokenAuthenticationToken"));

		List<SecurityEvent> found = eventsFrom(address, 3);

		assertThat(found).extracting(SecurityEvent::getMessage)
			.containsExactlyInAnyOrder("A login as “old” from " + address + " failed: wrong user name or password.",
					"A login as “new” from " + address + " failed: wrong user name or password.",
					"A request from " + address
							+ " with a bearer token that is not valid was refused (the token is not valid; token SHA-256 begins 0123456789ab).");
		assertThat(found).filteredOn(event -> !event.getFields().containsKey("tokenSha256Prefix"))
			.hasSize(2)
			.allSatisfy(event -> assertThat(event.getFields()).containsEntry("reason", "wrong user name or password")
				.containsEntry("method", "password form"));
		assertThat(found).filteredOn(event -> event.getFields().containsKey("tokenSha256Prefix"))
			.singleElement()
			.satisfies(event -> assertThat(event.getFields()).containsEntry("reason", "the token is not valid")
				.containsEntry("method", "Keycloak bearer token"));
	}

	@Test
	void countedRepeatsBecomeOneEventSayingHowManyThereWere() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("remoteAddress", address);
		details.put("repeated", 25);
		details.put("firstRepeatAt", "2026-12-01T10:00:00Z");
		details.put("lastRepeatAt", "2026-12-01T10:04:00Z");
		details.put("examples", List.of("admin", "root"));
		trail.record("anonymous", "LOGIN_FAILED", "User", null, details);

		SecurityEvent event = eventsFrom(address, 1).get(0);

		assertThat(event.getSeverity()).isEqualTo(SecuritySeverity.HIGH);
		assertThat(event.getMessage()).isEqualTo("25 more failed logins came from " + address
				+ " between 2026-12-01T10:00:00Z and 2026-12-01T10:04:00Z (names tried: admin, root).");
	}

	@Test
	void lockoutsRefusedWritesWebhooksAndScimCallsBecomeEvents() {
		trail.record("system:security", "LOGIN_LOCKED_OUT", "User", "alice",
				Map.of("typedName", "alice", "remoteAddress", address, "locked", "account"));
		trail.record("auditor", "WRITE_REFUSED", "Request", "POST /vendors",
				Map.of("method", "POST", "path", "/vendors", "reason", "role not permitted", "role", address));
		trail.record("anonymous", "HR_WEBHOOK_REFUSED", "HrWebhook", null,
				Map.of("reason", "bad signature", "remoteAddress", address));
		trail.record("anonymous", "SCIM_REFUSED", "ScimRequest", null, Map.of("reason", "wrong bearer token", "method",
				"PATCH", "path", "/scim/v2/Users/x", "remoteAddress", address));

		List<SecurityEvent> found = eventsFrom(address, 4);

		assertThat(found).extracting(SecurityEvent::getType)
			.containsExactlyInAnyOrder(SecurityEventType.ACCOUNT_LOCKOUT, SecurityEventType.REFUSED_WRITE,
					SecurityEventType.REFUSED_WEBHOOK, SecurityEventType.REFUSED_SCIM_CALL);
		assertThat(found).extracting(SecurityEvent::getMessage)
			.contains("The account “alice” was locked after repeated failed logins, the last from " + address + ".",
					"“auditor” (" + address
							+ ") tried to change data with POST /vendors and was refused: role not permitted.",
					"An HR webhook call from " + address
							+ " that did not prove to come from HR was refused: bad signature.",
					"A SCIM call PATCH /scim/v2/Users/x from " + address + " was refused: wrong bearer token.");
		assertThat(found).allSatisfy(event -> assertThat(event.getMessage()).doesNotContain("_"));
	}

	@Test
	void encryptionRegressionIsAnEventAndAnImprovementIsNot() {
		String vendor = VendorId.random().toString();
		trail.record("system:trace", "VENDOR_ENCRYPTION_STATUS_SET", "Vendor", vendor,
				Map.of("previous", "ENCRYPTED", "status", "UNENCRYPTED", "captureId", address));
		trail.record("system:trace", "VENDOR_ENCRYPTION_STATUS_SET", "Vendor", vendor,
				Map.of("previous", "UNENCRYPTED", "status", "ENCRYPTED", "captureId", address + "-better"));
		trail.record("system:trace", "VENDOR_ENCRYPTION_STATUS_SET", "Vendor", vendor,
				Map.of("previous", "NO_CAPTURE_ANALYSED", "status", "UNENCRYPTED", "captureId", address + "-first"));

		List<SecurityEvent> found = eventsFrom(address, 1);

		assertThat(found).singleElement().satisfies(event -> {
			assertThat(event.getType()).isEqualTo(SecurityEventType.ENCRYPTION_REGRESSION);
			assertThat(event.getSeverity()).isEqualTo(SecuritySeverity.HIGH);
			assertThat(event.getMessage()).isEqualTo("The traffic of carrier unknown carrier " + vendor
					+ " went from encrypted to unencrypted, as seen in capture " + address + ".");
		});
	}

	@Test
	void entriesThatAreNoSecurityEventGiveNone() {
		trail.record("alice", "LOGIN_SUCCEEDED", "User", "alice", Map.of("remoteAddress", address));
		trail.record("lead", "HR_ROSTER_REFUSED", "HrRoster", null, Map.of("reason", "not a CSV", "marker", address));
		trail.record("anonymous", "LOGIN_FAILED", "User", null, Map.of("remoteAddress", address + "-sentinel",
				"typedName", "x", "reason", "wrong user name or password"));

		List<SecurityEvent> found = eventsFrom(address, 1);

		assertThat(found).singleElement()
			.satisfies(event -> assertThat(event.getFields()).containsEntry("remoteAddress", address + "-sentinel"));
	}

	@Test
	void twoDeriversAtOnceDeriveEachEntryOnce() throws Exception {
		for (int i = 0; i < 30; i++) {
			trail.record("anonymous", "SCIM_REFUSED", "ScimRequest", null,
					Map.of("reason", "wrong bearer token " + i, "remoteAddress", address));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> derivers = List.of(service::deriveNew, service::deriveNew);
			List<Future<Integer>> results = new ArrayList<>(pool.invokeAll(derivers));
			for (Future<Integer> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<SecurityEvent> found = eventsFrom(address, 30);

		assertThat(found).hasSize(30);
		assertThat(found).extracting(SecurityEvent::getOrigin).doesNotHaveDuplicates();
	}

}
