package io.trunkguard.securityevent.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.securityevent.SecurityEvent;
import io.trunkguard.securityevent.SecurityEventService;
import io.trunkguard.securityevent.SecurityEvents;
import io.trunkguard.securityevent.SiemDeliveryStatus;
import io.trunkguard.securityevent.SiemDestination;
import io.trunkguard.securityevent.SiemForwarder;
import io.trunkguard.securityevent.SiemProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against real receivers on 127.0.0.1 started by the test: a strict RFC 5424
 * syslog listener over TCP and over TLS (self-signed certificate made by keytool), and an
 * HTTPS Splunk HEC stand-in. Each receiver is stopped while events occur and started
 * again: the receiver then holds every security event exactly once, in id order (which is
 * the order they were recorded in). Forwarders are built by hand on the shared context's
 * database, with unique destination names, so the application's own pump (which has no
 * destinations configured) does not interfere.
 */
abstract class SiemForwardingIntegrationTests {

	static final String HEC_TOKEN = "test-hec-token-" + UUID.randomUUID();

	@TempDir
	static Path certificates;

	static TestCertificate certificate;

	@Autowired
	AuditTrail trail;

	@Autowired
	SecurityEventService service;

	@Autowired
	SecurityEvents events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void certificate() throws Exception {
		certificate = TestCertificate.create(certificates);
	}

	@Test
	void syslogOverTcpGetsEveryEventOnceInOrderAcrossAnOutage() throws Exception {
		try (SyslogReceiver receiver = new SyslogReceiver(null).start()) {
			SyslogDestination syslog = new SyslogDestination(syslog(receiver.port(), false), "trunkguard-test");
			deliversEveryEventOnceInOrderAcrossAnOutage(syslog, receiver::stop, receiver::start,
					() -> syslogIds(receiver));
			assertThat(receiver.errors).isEmpty();
			assertSyslogCarriesTheEvent(receiver);
		}
	}

	@Test
	void syslogOverTlsGetsEveryEventOnceInOrderAcrossAnOutage() throws Exception {
		try (SyslogReceiver receiver = new SyslogReceiver(certificate.serverContext).start()) {
			SyslogDestination syslog = new SyslogDestination(syslog(receiver.port(), true), "trunkguard-test");
			deliversEveryEventOnceInOrderAcrossAnOutage(syslog, receiver::stop, receiver::start,
					() -> syslogIds(receiver));
			assertThat(receiver.errors).isEmpty();
			assertSyslogCarriesTheEvent(receiver);
		}
	}

	@Test
	void splunkHecGetsEveryEventOnceInOrderAcrossAnOutage() throws Exception {
		try (HecReceiver receiver = new HecReceiver(certificate.serverContext, HEC_TOKEN).start()) {
			SplunkHecDestination hec = new SplunkHecDestination(hec(receiver.port(), HEC_TOKEN), "trunkguard-test");
			deliversEveryEventOnceInOrderAcrossAnOutage(hec, receiver::stop, receiver::start,
					() -> receiver.events.stream().map(event -> event.get("event").get("id").asLong()).toList());
			assertThat(receiver.refusals).isEmpty();
			SecurityEvent last = lastEventOfThisRun();
			JsonNode received = receiver.events.stream()
				.filter(event -> event.get("event").get("id").asLong() == last.getId())
				.findFirst()
				.orElseThrow();
			assertThat(received.get("time").decimalValue().movePointRight(3).longValue())
				.isEqualTo(last.getOccurredAt().toEpochMilli());
			assertThat(received.get("host").asText()).isEqualTo("trunkguard-test");
			assertThat(received.get("source").asText()).isEqualTo("trunkguard");
			assertThat(received.get("sourcetype").asText()).isEqualTo("trunkguard:security-event");
			assertThat(received.get("event").get("message").asText()).isEqualTo(last.getMessage());
			assertThat(received.get("event").get("type").asText()).isEqualTo("FAILED_LOGIN");
			assertThat(received.get("event").get("fields").get("remoteAddress").asText())
				.isEqualTo(last.getFields().get("remoteAddress"));
		}
	}

	@Test
	void aWrongHecTokenIsAFailureThatLosesNothing() throws Exception {
		try (HecReceiver receiver = new HecReceiver(certificate.serverContext, HEC_TOKEN).start()) {
			SiemDestination wrong = named("hec-wrong-token-" + run,
					new SplunkHecDestination(hec(receiver.port(), "not-the-token"), "trunkguard-test"));
			SiemForwarder forwarder = forwarder(wrong);
			recordFailedLogins(1);

			assertThat(forwarder.forwardDue(Instant.now())).isZero();

			SiemDeliveryStatus status = forwarder.status().get(0);
			assertThat(status.failures()).isEqualTo(1);
			assertThat(status.delivered()).isZero();
			assertThat(status.waiting()).isPositive();
			assertThat(status.lastError()).contains("403").contains("Invalid token");
			assertThat(receiver.refusals).isNotEmpty()
				.allSatisfy(refusal -> assertThat(refusal).startsWith("wrong token"));
			assertThat(receiver.events).isEmpty();
		}
	}

	private void deliversEveryEventOnceInOrderAcrossAnOutage(SiemDestination destination, Stoppable stop,
			Startable start, Supplier<List<Long>> received) throws Exception {
		SiemForwarder forwarder = forwarder(named(destination.name() + "-" + run, destination));
		recordFailedLogins(5);
		Instant now = drain(forwarder, Instant.now());
		assertThat(received.get()).isEqualTo(idsUpTo(delivered(forwarder)));

		stop.stop();
		recordFailedLogins(12);
		assertThat(forwarder.forwardDue(now)).as("nothing reaches a receiver that is down").isZero();
		SiemDeliveryStatus down = forwarder.status().get(0);
		assertThat(down.failures()).isEqualTo(1);
		assertThat(down.waiting()).isGreaterThanOrEqualTo(12);
		assertThat(down.nextAttemptAt()).isAfter(now);
		assertThat(down.sentence()).contains("attempts in a row failed").contains("events wait");
		assertThat(forwarder.forwardDue(now)).as("not tried again before the wait is over").isZero();
		assertThat(forwarder.status().get(0).failures()).isEqualTo(1);
		now = now.plusSeconds(10);
		assertThat(forwarder.forwardDue(now)).isZero();
		assertThat(forwarder.status().get(0).failures()).as("tried again, failed again").isEqualTo(2);

		start.start();
		drain(forwarder, now.plusSeconds(60));

		List<Long> got = received.get();
		assertThat(got).as("every event exactly once").doesNotHaveDuplicates();
		assertThat(got).as("every event, in the order it occurred").isEqualTo(idsUpTo(delivered(forwarder)));
		assertThat(got).contains(lastEventOfThisRun().getId());
		assertThat(forwarder.status().get(0).failures()).isZero();
	}

	/** Forwards until nothing waits; returns the time used last. */
	private Instant drain(SiemForwarder forwarder, Instant from) {
		Instant now = from;
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			service.deriveNew();
			forwarder.forwardDue(now);
			SiemDeliveryStatus status = forwarder.status().get(0);
			if (status.waiting() == 0 && status.failures() == 0 && lastEventOfThisRunIsDerived()) {
				return now;
			}
			now = now.plusSeconds(1);
			sleep(50);
		}
		throw new AssertionError("not delivered within 30 s: " + forwarder.status());
	}

	private long delivered(SiemForwarder forwarder) {
		String name = forwarder.destinations().get(0).name();
		return jdbc.queryForObject("select last_event_id from siem_delivery where destination = ?", Long.class, name);
	}

	private List<Long> idsUpTo(long last) {
		return jdbc.queryForList("select id from security_event where id <= ? order by id", Long.class, last);
	}

	private int recorded;

	private void recordFailedLogins(int count) {
		for (int i = 0; i < count; i++) {
			recorded++;
			trail.record("anonymous", "LOGIN_FAILED", "User", null, Map.of("remoteAddress", address(recorded),
					"typedName", "guess-" + recorded, "reason", "wrong user name or password"));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!lastEventOfThisRunIsDerived() && System.nanoTime() < deadline) {
			service.deriveNew();
			sleep(50);
		}
		assertThat(lastEventOfThisRunIsDerived()).as("derived within 20 s").isTrue();
	}

	private String address(int i) {
		return "siem-" + run + "-" + i;
	}

	private boolean lastEventOfThisRunIsDerived() {
		return recorded == 0 || findByAddress(address(recorded)) != null;
	}

	private SecurityEvent lastEventOfThisRun() {
		return findByAddress(address(recorded));
	}

	private SecurityEvent findByAddress(String address) {
		return service.search(null, null, null, Instant.now().minusSeconds(3600), null, PageRequest.of(0, 200))
			.stream()
			.filter(e -> address.equals(e.getFields().get("remoteAddress")))
			.findFirst()
			.orElse(null);
	}

	private void assertSyslogCarriesTheEvent(SyslogReceiver receiver) {
		SecurityEvent last = lastEventOfThisRun();
		Rfc5424.Message message = receiver.messages.stream()
			.filter(m -> String.valueOf(last.getId()).equals(m.structuredData().get("trunkguard@32473").get("eventId")))
			.findFirst()
			.orElseThrow();
		assertThat(message.facility()).isEqualTo(10);
		assertThat(message.severity()).isEqualTo(last.getSeverity().syslogSeverity());
		assertThat(message.hostname()).isEqualTo("trunkguard-test");
		assertThat(message.appName()).isEqualTo("trunkguard");
		assertThat(message.msgId()).isEqualTo("FAILED_LOGIN");
		assertThat(Instant.parse(java.time.OffsetDateTime.parse(message.timestamp()).toInstant().toString()))
			.isEqualTo(last.getOccurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		assertThat(message.msg()).isEqualTo(last.getMessage());
		assertThat(message.structuredData().get("trunkguard@32473")).containsEntry("type", "FAILED_LOGIN")
			.containsEntry("source", "LOGIN")
			.containsEntry("actor", "anonymous")
			.containsEntry("typedName", last.getFields().get("typedName"))
			.containsEntry("remoteAddress", last.getFields().get("remoteAddress"));
	}

	private static List<Long> syslogIds(SyslogReceiver receiver) {
		return receiver.messages.stream()
			.map(m -> Long.valueOf(m.structuredData().get("trunkguard@32473").get("eventId")))
			.toList();
	}

	private SiemForwarder forwarder(SiemDestination destination) {
		return new SiemForwarder(events, List.of(destination),
				new SiemProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1), 7),
				transactions, dataSource);
	}

	static SyslogProperties syslog(int port, boolean tls) {
		return new SyslogProperties("127.0.0.1", port, tls, tls ? certificate.pem : null, true, "trunkguard-test",
				"trunkguard", 10, 32473, Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	static HecProperties hec(int port, String token) {
		return new HecProperties(URI.create("https://127.0.0.1:" + port + HecReceiver.PATH), token, certificate.pem,
				"trunkguard-test", "trunkguard", "trunkguard:security-event", null, Duration.ofSeconds(5));
	}

	static SiemDestination named(String name, SiemDestination destination) {
		return new SiemDestination() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void send(List<SecurityEvent> batch) throws IOException {
				destination.send(batch);
			}
		};
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	interface Stoppable {

		void stop() throws Exception;

	}

	interface Startable {

		Object start() throws Exception;

	}

}
