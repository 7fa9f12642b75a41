package io.trunkguard.securityevent.integration;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.people.People;
import io.trunkguard.securityevent.SecurityEvent;
import io.trunkguard.securityevent.SecurityEventService;
import io.trunkguard.securityevent.SecurityEventSource;
import io.trunkguard.securityevent.SecurityEventType;
import io.trunkguard.securityevent.SecurityEvents;
import io.trunkguard.securityevent.SecuritySeverity;
import io.trunkguard.securityevent.SiemForwarder;
import io.trunkguard.securityevent.SiemProperties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two CC7.2 sources end to end (embedded default, H2): the thing happens through the
 * product's own path (a login that locks an account out on the login form; a manual
 * removal whose SLA timer fires in the deprovisioning process), becomes a security event
 * with its severity and source, and reaches a strict RFC 5424 receiver on 127.0.0.1 (the
 * {@link SyslogReceiver} of {@link SiemForwardingIntegrationTests}) exactly once, with
 * its fields as structured data.
 */
@EmbeddedDefaultTest
class SiemSourcesIntegrationTest {

	@Autowired
	MockMvc mvc;

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

	@Autowired
	PersonService personService;

	@Autowired
	People people;

	@Autowired
	AccessService access;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anAccountLockedOutOnTheLoginFormReachesTheSyslogReceiverOnce() throws Exception {
		String name = "locked-" + run;
		// nine failures of this name already counted (the tenth locks it: the default
		// trunkguard.security.abuse.lockout-after), so the test need not sit out the
		// back-off between them
		jdbc.update("insert into login_failure (kind, throttle_key, failures, last_failure, blocked_until) "
				+ "values ('ACCOUNT', ?, 9, ?, null)", name, Timestamp.from(Instant.now().minusSeconds(60)));

		mvc.perform(post("/login").param("username", name).param("password", "wrong").with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100.7");
			return r;
		})).andExpect(status().is3xxRedirection());

		SecurityEvent lockout = awaitEvent(
				e -> e.getType() == SecurityEventType.ACCOUNT_LOCKOUT && name.equals(e.getSubject()));
		assertThat(lockout.getSeverity()).isEqualTo(SecuritySeverity.HIGH);
		assertThat(lockout.getSource()).isEqualTo(SecurityEventSource.LOGIN);
		assertThat(lockout.getMessage()).isEqualTo(
				"The account “" + name + "” was locked after repeated failed logins, the last from 198.51.100.7.");

		Rfc5424.Message message = deliveredOnce(lockout);
		assertThat(message.msgId()).isEqualTo("ACCOUNT_LOCKOUT");
		assertThat(message.structuredData().get("trunkguard@32473")).containsEntry("type", "ACCOUNT_LOCKOUT")
			.containsEntry("source", "LOGIN")
			.containsEntry("typedName", name)
			.containsEntry("remoteAddress", "198.51.100.7");
	}

	@Test
	void aManualRemovalThatMissesItsSlaReachesTheSyslogReceiverOnce() throws Exception {
		Person owner = people.findByHrId("HR-1002").orElseThrow();
		String username = "sla-" + run;
		Person leaver = personService.register(new PersonDetails("HR-S-" + run, "Sam Slow", username + "@example.test",
				username, null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 2, 1), null), "tester");
		AccessSystem portal = access.registerSystem(new SystemDetails("Carrier portal " + run, SystemKind.OTHER, null,
				owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant grant = access.issueGrant(new NewGrant(leaver.getId(), portal.getId(), "porting-desk", false),
				"tester");
		DeprovisioningCaseId caseId = deprovisioning
			.receiveTermination(new TerminationNotice("evt-sla-" + run, leaver.getHrId(),
					Instant.now().minus(1, ChronoUnit.HOURS), TerminationSource.HR_WEBHOOK, "client:hr-webhook"))
			.caseId();
		String instance = runAsyncJobsOf(caseId);

		// the owner does nothing: the removal's SLA timer fires
		List<Job> timers = management.createJobQuery().processInstanceId(instance).timers().list();
		assertThat(timers).as("the SLA timer of the manual removal").hasSize(1);
		management.executeJob(timers.get(0).getId());

		SecurityEvent missed = awaitEvent(
				e -> e.getType() == SecurityEventType.DEPROVISIONING_SLA_MISSED && username.equals(e.getSubject()));
		assertThat(missed.getSeverity()).isEqualTo(SecuritySeverity.HIGH);
		assertThat(missed.getSource()).isEqualTo(SecurityEventSource.DEPROVISIONING);
		assertThat(missed.getMessage()).startsWith("Removing the access of " + username
				+ " (a leaver) on Carrier portal " + run + " missed its SLA: SLA missed, escalated to ");
		assertThat(grant.getId()).isNotNull();

		Rfc5424.Message message = deliveredOnce(missed);
		assertThat(message.msgId()).isEqualTo("DEPROVISIONING_SLA_MISSED");
		assertThat(message.structuredData().get("trunkguard@32473")).containsEntry("type", "DEPROVISIONING_SLA_MISSED")
			.containsEntry("source", "DEPROVISIONING")
			.containsEntry("username", username)
			.containsEntry("system", "Carrier portal " + run);
	}

	/**
	 * Forwards every security event to a fresh receiver (a destination of its own), twice
	 * over: the event's message is there once, with the event's severity.
	 */
	private Rfc5424.Message deliveredOnce(SecurityEvent event) throws Exception {
		try (SyslogReceiver receiver = new SyslogReceiver(null).start()) {
			SiemForwarder forwarder = new SiemForwarder(events,
					List.of(SiemForwardingIntegrationTests.named("syslog-sources-" + run,
							new SyslogDestination(SiemForwardingIntegrationTests.syslog(receiver.port(), false),
									"trunkguard-test"))),
					new SiemProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1), 7),
					transactions, dataSource);
			Instant now = Instant.now();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (delivered() < event.getId() && System.nanoTime() < deadline) {
				forwarder.forwardDue(now);
				now = now.plusSeconds(1);
				Thread.sleep(20);
			}
			forwarder.forwardDue(now.plusSeconds(60));
			assertThat(delivered()).as("delivered up to the event").isGreaterThanOrEqualTo(event.getId());
			List<Rfc5424.Message> forEvent = receiver.messages.stream()
				.filter(m -> String.valueOf(event.getId())
					.equals(m.structuredData().get("trunkguard@32473").get("eventId")))
				.toList();
			assertThat(receiver.errors).isEmpty();
			assertThat(forEvent).as("the event, exactly once").hasSize(1);
			Rfc5424.Message message = forEvent.get(0);
			assertThat(message.severity()).isEqualTo(event.getSeverity().syslogSeverity());
			assertThat(message.msg()).isEqualTo(event.getMessage());
			return message;
		}
	}

	private long delivered() {
		List<Long> last = jdbc.queryForList("select last_event_id from siem_delivery where destination = ?", Long.class,
				"syslog-sources-" + run);
		return last.isEmpty() || last.get(0) == null ? 0 : last.get(0);
	}

	/** The engine's job executor is off in this context: run the case's due jobs. */
	private String runAsyncJobsOf(DeprovisioningCaseId id) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count() == 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		String instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(id.toString())
			.singleResult()
			.getId();
		List<Job> jobs;
		while (!(jobs = management.createJobQuery().processInstanceId(instance).messages().executable().list())
			.isEmpty()) {
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
		return instance;
	}

	private SecurityEvent awaitEvent(Predicate<SecurityEvent> wanted) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			service.deriveNew();
			List<SecurityEvent> found = service
				.search(null, null, null, Instant.now().minusSeconds(3600), null, PageRequest.of(0, 500))
				.stream()
				.filter(wanted)
				.toList();
			if (!found.isEmpty()) {
				assertThat(found).as("one security event").hasSize(1);
				return found.get(0);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no such security event within 20 s");
	}

}
