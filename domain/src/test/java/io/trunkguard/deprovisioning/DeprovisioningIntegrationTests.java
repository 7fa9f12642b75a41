package io.trunkguard.deprovisioning;

import io.trunkguard.TestData;
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
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deprovisioning cases against a real database (H2 and PostgreSQL by the subclasses):
 * idempotent receipt (also under concurrency), account disabling, automatic and manual
 * removals, verification, completion with times and SLA, and the audit trail. The
 * identity provider is {@link FakeIdentityProvider}.
 */
abstract class DeprovisioningIntegrationTests {

	/**
	 * An hour before each test (per test, not per class: a class can take minutes on a
	 * loaded machine).
	 */
	final Instant EVENT_TIME = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	DeprovisioningCases cases;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	AuditEntries audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FakeIdentityProvider keycloak;

	Person owner;

	Person leaver;

	AccessSystem idp;

	AccessSystem carrierPortal;

	AccessGrant idpRole;

	AccessGrant portalLogin;

	@BeforeEach
	void setUp() {
		keycloak.setDown(false);
		owner = people.register(TestData.employee("Olga Owner", null), "tester");
		leaver = people.register(TestData.employee("Leo Leaver", owner.getId()), "tester");
		idp = access.registerSystem(new SystemDetails(TestData.unique("IdP"), SystemKind.IDENTITY_PROVIDER, null,
				owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		carrierPortal = access
			.registerSystem(new SystemDetails(TestData.unique("Carrier portal"), SystemKind.CARRIER_PORTAL, null,
					owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		idpRole = access.issueGrant(new NewGrant(leaver.getId(), idp.getId(), "reviewer", false), "tester");
		portalLogin = access.issueGrant(new NewGrant(leaver.getId(), carrierPortal.getId(), "portal-admin", true),
				"tester");
		keycloak.addAccount(leaver.getUsername(), 2, "reviewer", "offline_access");
	}

	@AfterEach
	void keycloakUp() {
		keycloak.setDown(false);
	}

	TerminationNotice notice(String eventId) {
		return new TerminationNotice(eventId, leaver.getHrId(), EVENT_TIME, TerminationSource.HR_WEBHOOK,
				"client:hr-webhook");
	}

	List<AuditEntry> auditOf(DeprovisioningCaseId id) {
		return audit.search(null, null, "DeprovisioningCase", id.toString(), null, null, Pageable.ofSize(100))
			.getContent();
	}

	@Test
	void opensOneCaseForTheSameEventTwiceAndRecordsBothReceipts() {
		String eventId = TestData.unique("evt");
		CaseReceipt first = deprovisioning.receiveTermination(notice(eventId));
		CaseReceipt second = deprovisioning.receiveTermination(notice(eventId));

		assertThat(first.newCase()).isTrue();
		assertThat(second.newCase()).isFalse();
		assertThat(second.caseId()).isEqualTo(first.caseId());
		DeprovisioningCase c = deprovisioning.get(first.caseId());
		assertThat(c.getReceipts()).extracting(Receipt::getEventId, Receipt::isDuplicate)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(eventId, false),
					org.assertj.core.groups.Tuple.tuple(eventId, true));
		assertThat(c.getEffectiveAt()).isEqualTo(EVENT_TIME);
		assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(auditOf(c.getId())).extracting(AuditEntry::getAction)
			.contains("DEPROVISIONING_CASE_OPENED", "DEPROVISIONING_DUPLICATE_RECEIVED");
	}

	@Test
	void joinsTheOpenCaseOfAPersonAlreadyBeingDeprovisioned() {
		CaseReceipt webhook = deprovisioning.receiveTermination(notice(TestData.unique("evt")));
		CaseReceipt scim = deprovisioning.receiveTermination(new TerminationNotice(TestData.unique("scim"),
				leaver.getHrId(), EVENT_TIME.plusSeconds(60), TerminationSource.SCIM, "client:scim"));

		assertThat(scim).isEqualTo(new CaseReceipt(webhook.caseId(), false));
		assertThat(deprovisioning.get(webhook.caseId()).getReceipts()).extracting(Receipt::getSource)
			.containsExactly(TerminationSource.HR_WEBHOOK, TerminationSource.SCIM);
		assertThat(cases.findByPersonIdOrderByReceivedAtDesc(leaver.getId())).hasSize(1);
	}

	@Test
	void opensOneCaseWhenTheSameEventArrivesManyTimesAtOnce() throws Exception {
		String eventId = TestData.unique("burst");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<CaseReceipt>> deliveries = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				deliveries.add(() -> deprovisioning.receiveTermination(notice(eventId)));
			}
			List<CaseReceipt> receipts = new ArrayList<>();
			for (Future<CaseReceipt> f : pool.invokeAll(deliveries)) {
				receipts.add(f.get());
			}
			assertThat(receipts).extracting(CaseReceipt::caseId).containsOnly(receipts.get(0).caseId());
			assertThat(receipts).filteredOn(CaseReceipt::newCase).hasSize(1);
			assertThat(deprovisioning.get(receipts.get(0).caseId()).getReceipts()).hasSize(12);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesAnEventForAnUnknownHrIdAndOpensNothing() {
		long before = cases.count();
		assertThatThrownBy(() -> deprovisioning.receiveTermination(new TerminationNotice(TestData.unique("evt"),
				"NO-SUCH-HR-ID", EVENT_TIME, TerminationSource.HR_WEBHOOK, "client:hr-webhook")))
			.isInstanceOf(NotFoundException.class);
		assertThat(cases.count()).isEqualTo(before);
	}

	@Test
	void refusesAnEventIdBoundToAnotherPersonAndAuditsTheConflict() {
		Person other = people.register(TestData.employee("Ada Other", owner.getId()), "tester");
		String eventId = TestData.unique("evt");
		CaseReceipt first = deprovisioning.receiveTermination(notice(eventId));

		assertThatThrownBy(() -> deprovisioning.receiveTermination(new TerminationNotice(eventId, other.getHrId(),
				EVENT_TIME, TerminationSource.HR_WEBHOOK, "client:hr-webhook")))
			.isInstanceOf(TerminationEventConflictException.class)
			.hasMessageContaining(other.getHrId());

		assertThat(cases.findByPersonIdOrderByReceivedAtDesc(other.getId())).isEmpty();
		DeprovisioningCase bound = deprovisioning.get(first.caseId());
		assertThat(bound.getReceipts()).singleElement().satisfies(r -> {
			assertThat(r.getPersonId()).isEqualTo(leaver.getId());
			assertThat(r.getHrId()).isEqualTo(leaver.getHrId());
		});
		assertThat(auditOf(first.caseId())).filteredOn(e -> e.getAction().equals("DEPROVISIONING_EVENT_CONFLICT"))
			.singleElement()
			.satisfies(e -> assertThat(e.getDetails()).contains(other.getHrId()).contains(leaver.getHrId()));
	}

	@Test
	void storesThePersonOnEveryReceipt() {
		String eventId = TestData.unique("evt");
		CaseReceipt first = deprovisioning.receiveTermination(notice(eventId));
		deprovisioning.receiveTermination(notice(eventId));
		deprovisioning.receiveTermination(notice(TestData.unique("evt")));

		assertThat(jdbc.queryForList("select person_id from deprovisioning_receipt where case_id = ?", Object.class,
				first.caseId().value()))
			.hasSize(3)
			.allMatch(id -> id.toString().equals(leaver.getId().toString()));
	}

	@Test
	void refusesATerminationEffectiveOutsideTheWindowAndOpensNothing() {
		long before = cases.count();
		for (Instant effective : List.of(Instant.parse("2099-01-01T00:00:00Z"), Instant.parse("1970-01-01T00:00:00Z"),
				Instant.now().plus(Duration.ofDays(31)), Instant.now().minus(Duration.ofDays(366)))) {
			assertThatThrownBy(() -> deprovisioning.receiveTermination(new TerminationNotice(TestData.unique("evt"),
					leaver.getHrId(), effective, TerminationSource.HR_WEBHOOK, "client:hr-webhook")))
				.as(effective.toString())
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.fieldErrors()).containsKey("effectiveAt"))
				.hasMessageContaining("outside the accepted window");
		}
		assertThat(cases.count()).isEqualTo(before);

		CaseReceipt soon = deprovisioning
			.receiveTermination(new TerminationNotice(TestData.unique("evt"), leaver.getHrId(),
					Instant.now().plus(Duration.ofDays(29)), TerminationSource.HR_WEBHOOK, "client:hr-webhook"));
		DeprovisioningCase c = deprovisioning.get(soon.caseId());
		assertThat(c.slaStartsAt()).isEqualTo(c.getEffectiveAt());
		assertThat(deprovisioning.grantsToRemove(soon.caseId()))
			.allMatch(r -> r.slaDueAt().equals(c.getEffectiveAt().plus(r.sla())));
	}

	@Test
	void refusesAnIncompleteEvent() {
		assertThatThrownBy(() -> deprovisioning.receiveTermination(
				new TerminationNotice(" ", leaver.getHrId(), null, TerminationSource.HR_WEBHOOK, "client:hr-webhook")))
			.isInstanceOf(ConstraintViolationException.class);
	}

	@Test
	void removesEveryAccessAndCompletesWithTheTimeFromTheHrEvent() {
		DeprovisioningCaseId id = deprovisioning.receiveTermination(notice(TestData.unique("evt"))).caseId();

		deprovisioning.disableAccount(id);
		deprovisioning.disableAccount(id); // a retried step acts once
		assertThat(keycloak.isDisabled(leaver.getUsername())).isTrue();
		assertThat(keycloak.activeSessions(leaver.getUsername())).isZero();
		assertThat(keycloak.disableCalls()).isPositive();
		assertThat(people.get(leaver.getId()).getEmploymentStatus()).isEqualTo(EmploymentStatus.LEFT);

		List<GrantRemoval> removals = deprovisioning.grantsToRemove(id);
		assertThat(removals).extracting(GrantRemoval::grantId).containsExactly(idpRole.getId(), portalLogin.getId());
		assertThat(removals.get(0).automatic()).isTrue();
		assertThat(removals.get(1).automatic()).isFalse();
		assertThat(removals.get(1).ownerUsername()).isEqualTo(owner.getUsername());
		// the event arrived an hour after it took effect: the SLA runs from the receipt
		assertThat(removals.get(1).slaDueAt())
			.isEqualTo(deprovisioning.get(id).getReceivedAt().plus(Duration.ofHours(24)));

		deprovisioning.removeAutomatically(id, idpRole.getId());
		assertThat(keycloak.rolesOf(leaver.getUsername())).containsExactly("offline_access");
		AccessGrant revoked = access.getGrant(idpRole.getId());
		assertThat(revoked.getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(revoked.getRevokedBy()).isEqualTo("system:keycloak");

		Verification incomplete = deprovisioning.verify(id);
		assertThat(incomplete.passed()).isFalse();
		assertThat(incomplete.activeGrants()).containsExactly(portalLogin.getId());
		assertThatThrownBy(() -> deprovisioning.complete(id)).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("1 active grant");

		deprovisioning.confirmManualRemoval(id, portalLogin.getId(), owner.getUsername(),
				"removed in the portal, ticket OPS-1");
		assertThat(deprovisioning.verify(id).passed()).isTrue();
		DeprovisioningCase done = deprovisioning.complete(id);

		assertThat(done.getStatus()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(done.getSlaMet()).isTrue();
		assertThat(done.getVerificationAttempts()).isEqualTo(2);
		assertThat(done.getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.SESSIONS_ENDED, StepKind.GRANT_REVOKED,
					StepKind.VERIFICATION_FAILED, StepKind.GRANT_REVOKED, StepKind.VERIFIED);
		Step manual = done.revocationOf(portalLogin.getId()).orElseThrow();
		assertThat(manual.getDoneBy()).isEqualTo(owner.getUsername());
		assertThat(manual.getNote()).isEqualTo("removed in the portal, ticket OPS-1");
		assertThat(done.getLastAccessRemovedAt()).isEqualTo(manual.getDoneAt());
		assertThat(done.timeToDeprovision())
			.contains(Duration.ofSeconds(Duration.between(EVENT_TIME, manual.getDoneAt()).toSeconds()));
		assertThat(done.timeToDeprovision().orElseThrow()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(70));
		assertThat(auditOf(id)).extracting(AuditEntry::getAction)
			.contains("DEPROVISIONING_ACCOUNT_DISABLED", "DEPROVISIONING_GRANT_REVOKED",
					"DEPROVISIONING_VERIFICATION_FAILED", "DEPROVISIONING_CASE_COMPLETED");

		// closed: a late duplicate is recorded on the case, opens nothing and cannot
		// reopen it
		CaseReceipt late = deprovisioning.receiveTermination(notice(done.getEventId()));
		assertThat(late).isEqualTo(new CaseReceipt(id, false));
		assertThat(deprovisioning.get(id).getStatus()).isEqualTo(CaseStatus.COMPLETED);
		assertThatThrownBy(() -> deprovisioning.disableAccount(id)).isInstanceOf(InvalidStateException.class);
		Integer openRows = jdbc.queryForObject("select count(*) from deprovisioning_case where open_person_id = ?",
				Integer.class, leaver.getId().value());
		assertThat(openRows).isZero();
	}

	@Test
	void aMissedManualRemovalIsEscalatedAndTheCaseMissesItsSla() {
		DeprovisioningCaseId id = deprovisioning.receiveTermination(notice(TestData.unique("evt"))).caseId();
		deprovisioning.disableAccount(id);
		deprovisioning.removeAutomatically(id, idpRole.getId());

		assertThat(deprovisioning.escalate(id, portalLogin.getId())).containsExactly("compliance-lead");
		deprovisioning.confirmManualRemoval(id, portalLogin.getId(), "compliance-lead", null);
		DeprovisioningCase done = deprovisioning.complete(id);

		assertThat(done.getSlaMet()).isFalse();
		assertThat(done.getSteps()).extracting(Step::getKind).contains(StepKind.ESCALATED);
	}

	@Test
	void doesNotCloseWhileTheAccountIsEnabledAgain() {
		DeprovisioningCaseId id = deprovisioning.receiveTermination(notice(TestData.unique("evt"))).caseId();
		deprovisioning.disableAccount(id);
		deprovisioning.removeAutomatically(id, idpRole.getId());
		deprovisioning.confirmManualRemoval(id, portalLogin.getId(), owner.getUsername(),
				"removed in the portal, ticket OPS-1");
		keycloak.enable(leaver.getUsername());

		Verification verification = deprovisioning.verify(id);

		assertThat(verification.accountDisabled()).isFalse();
		assertThatThrownBy(() -> deprovisioning.complete(id)).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("account still enabled");
		assertThat(deprovisioning.get(id).isOpen()).isTrue();
	}

	@Test
	void keepsTheCaseUnchangedWhenTheIdentityProviderIsDown() {
		DeprovisioningCaseId id = deprovisioning.receiveTermination(notice(TestData.unique("evt"))).caseId();
		keycloak.setDown(true);

		assertThatThrownBy(() -> deprovisioning.disableAccount(id)).hasMessageContaining("unreachable");
		assertThat(deprovisioning.get(id).getSteps()).isEmpty();
		assertThat(people.get(leaver.getId()).isActive()).isTrue();

		keycloak.setDown(false);
		deprovisioning.disableAccount(id);
		assertThat(deprovisioning.get(id).getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.SESSIONS_ENDED);
	}

	@Test
	void refusesToRemoveAutomaticallyOnASystemWithoutConnectorOrAnotherPersonsGrant() {
		DeprovisioningCaseId id = deprovisioning.receiveTermination(notice(TestData.unique("evt"))).caseId();
		AccessGrant ownersGrant = access.issueGrant(new NewGrant(owner.getId(), idp.getId(), "admin", true), "tester");

		assertThatThrownBy(() -> deprovisioning.removeAutomatically(id, portalLogin.getId()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("no connector");
		assertThatThrownBy(() -> deprovisioning.removeAutomatically(id, ownersGrant.getId()))
			.isInstanceOf(InvalidStateException.class);
		assertThat(access.getGrant(ownersGrant.getId()).isActive()).isTrue();
		assertThat(access.getGrant(portalLogin.getId()).isActive()).isTrue();
	}

	@Autowired
	TerminationIntakeWorker intakeWorker;

	/** Waits (at most 30 s) until the intake worker has written the case. */
	DeprovisioningCase awaitCase(DeprovisioningCaseId id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			var c = cases.findById(id);
			if (c.isPresent() && jdbc.queryForObject("select count(*) from termination_intake where case_id = ?",
					Integer.class, id.value()) == 0) {
				return deprovisioning.get(id);
			}
			Thread.sleep(20);
		}
		throw new AssertionError("case " + id + " not written by the intake worker within 30 s");
	}

	@Autowired
	TerminationIntake intake;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Test
	void deliveriesOfOneCaseAreWrittenInTheOrderTheyWereReceivedWhateverThreadTakesThem() throws Exception {
		// the intake drains on several threads: while one holds a case's first delivery,
		// another must not write the second, which would open the case (and start its
		// SLA) with the later receipt and record the first as its duplicate
		String eventId = TestData.unique("evt");
		Instant first = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Instant second = first.plusMillis(5);
		CaseReceipt receipt = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
			.execute(status -> {
				CaseReceipt opened = intake.record(notice(eventId), first);
				intake.record(notice(eventId), second);
				return opened;
			});
		try (java.sql.Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (var lock = holder.prepareStatement(
					"select id from termination_intake where event_id = ? and received_at = ? for update")) {
				lock.setString(1, eventId);
				lock.setObject(2, TerminationIntake.utc(first));
				lock.executeQuery().close();
			}
			// another worker thread holds the first delivery (or has written both
			// already)
			intakeWorker.drain();
			holder.rollback();
		}
		DeprovisioningCase c = awaitCase(receipt.caseId());
		for (long deadline = System.nanoTime() + 30_000_000_000L; c.getReceipts().size() < 2
				&& System.nanoTime() < deadline;) {
			Thread.sleep(20);
			c = deprovisioning.get(receipt.caseId());
		}
		assertThat(c.getReceipts()).extracting(Receipt::getReceivedAt, Receipt::isDuplicate)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first, false),
					org.assertj.core.groups.Tuple.tuple(second, true));
		assertThat(c.getReceivedAt()).isEqualTo(first);
	}

	@Test
	void anAcceptedTerminationIsWrittenToItsCaseRightAfterWithTheTimeItWasAccepted() throws Exception {
		String eventId = TestData.unique("evt");
		Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
		CaseReceipt first = deprovisioning.acceptTermination(notice(eventId));
		Instant after = Instant.now();
		CaseReceipt again = deprovisioning.acceptTermination(notice(eventId));

		assertThat(first.newCase()).isTrue();
		assertThat(again).isEqualTo(new CaseReceipt(first.caseId(), false));
		assertThat(deprovisioning.leavingAt(leaver.getId())).contains(EVENT_TIME);
		DeprovisioningCase c = awaitCase(first.caseId());
		assertThat(c.getReceipts()).extracting(Receipt::getEventId, Receipt::isDuplicate)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(eventId, false),
					org.assertj.core.groups.Tuple.tuple(eventId, true));
		// the SLA starts at the later of the effective time and the receipt;
		// the receipt is when the webhook accepted the event, not when the worker
		// wrote it
		assertThat(c.getReceivedAt()).isBetween(before, after);
		assertThat(c.slaStartsAt()).isEqualTo(c.getReceivedAt());
		assertThat(auditOf(c.getId())).extracting(AuditEntry::getAction)
			.contains("DEPROVISIONING_CASE_OPENED", "DEPROVISIONING_DUPLICATE_RECEIVED");
	}

	@Test
	void refusesAnAcceptedEventIdForAnotherPersonEvenBeforeItsCaseIsWritten() throws Exception {
		String eventId = TestData.unique("evt");
		CaseReceipt first = deprovisioning.acceptTermination(notice(eventId));

		assertThatThrownBy(() -> deprovisioning.acceptTermination(new TerminationNotice(eventId, owner.getHrId(),
				EVENT_TIME, TerminationSource.HR_WEBHOOK, "client:hr-webhook")))
			.isInstanceOf(TerminationEventConflictException.class)
			.hasMessageContaining(owner.getHrId());
		assertThatThrownBy(() -> deprovisioning.acceptTermination(new TerminationNotice(TestData.unique("evt"),
				"NO-SUCH-HR-ID", EVENT_TIME, TerminationSource.HR_WEBHOOK, "client:hr-webhook")))
			.isInstanceOf(NotFoundException.class);
		assertThat(awaitCase(first.caseId()).getReceipts()).hasSize(1);
		assertThat(deprovisioning.casesOf(owner.getId())).isEmpty();
	}

	@Test
	void theWebhookFindsAnEventIdReceivedWithoutABindingByItsReceipts() throws Exception {
		// received through the synchronous path (the roster import, or before V300): a
		// receipt and no binding row
		String eventId = TestData.unique("evt");
		CaseReceipt received = deprovisioning.receiveTermination(notice(eventId));
		jdbc.update("delete from termination_event_binding where event_id = ?", eventId);
		deprovisioning.receiveTermination(notice(eventId)); // two receipts of one event
															// id

		assertThatThrownBy(() -> deprovisioning.acceptTermination(new TerminationNotice(eventId, owner.getHrId(),
				EVENT_TIME, TerminationSource.HR_WEBHOOK, "client:hr-webhook")))
			.isInstanceOf(TerminationEventConflictException.class)
			.hasMessageContaining(owner.getHrId());
		assertThat(deprovisioning.acceptTermination(notice(eventId)))
			.isEqualTo(new CaseReceipt(received.caseId(), false));
		assertThat(awaitCase(received.caseId()).getReceipts()).hasSize(3);
	}

	@Test
	void aDeliveryLeftByAKilledNodeIsWrittenOnceByConcurrentDrains() throws Exception {
		// recorded by an intake whose node was killed before its worker ran
		String eventId = TestData.unique("evt");
		java.util.UUID caseId = java.util.UUID.randomUUID();
		jdbc.update("insert into termination_event_binding (event_id, person_id, hr_id, case_id) values (?, ?, ?, ?)",
				eventId, leaver.getId().value(), leaver.getHrId(), caseId);
		recordDelivery(eventId, leaver, leaver.getHrId(), caseId);

		ExecutorService drains = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> written = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				written.add(drains.submit(intakeWorker::drain));
			}
			for (Future<Integer> f : written) {
				f.get();
			}
		}
		finally {
			drains.shutdown();
		}
		DeprovisioningCase c = awaitCase(new DeprovisioningCaseId(caseId));
		assertThat(c.getReceipts()).hasSize(1);
		assertThat(deprovisioning.casesOf(leaver.getId())).hasSize(1);
	}

	@Test
	void differentEventsForOnePersonAtOnceAreAllAnsweredWithTheOneCaseThatIsOpened() throws Exception {
		// HR sends the same termination under several event ids at the same moment (two
		// systems, a retry with a new id): every answer names the case that is written
		int deliveries = 8;
		ExecutorService clients = Executors.newFixedThreadPool(deliveries);
		List<CaseReceipt> receipts = new ArrayList<>();
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<Future<CaseReceipt>> answers = new ArrayList<>();
			for (int i = 0; i < deliveries; i++) {
				String eventId = TestData.unique("evt");
				answers.add(clients.submit(() -> {
					start.await();
					return deprovisioning.acceptTermination(notice(eventId));
				}));
			}
			start.countDown();
			for (Future<CaseReceipt> answer : answers) {
				receipts.add(answer.get());
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(receipts).extracting(CaseReceipt::caseId).containsOnly(receipts.get(0).caseId());
		assertThat(receipts).filteredOn(CaseReceipt::newCase).hasSize(1);
		DeprovisioningCase c = awaitCase(receipts.get(0).caseId());
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
		while (deprovisioning.get(c.getId()).getReceipts().size() < deliveries
				&& java.time.Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(deprovisioning.get(c.getId()).getReceipts()).hasSize(deliveries);
		assertThat(deprovisioning.casesOf(leaver.getId())).extracting(DeprovisioningCase::getId)
			.containsExactly(c.getId());
		assertThat(jdbc.queryForObject("select count(*) from termination_person_case where person_id = ?",
				Integer.class, leaver.getId().value()))
			.isZero();
	}

	@Test
	void aDeliveryThatCannotBeWrittenStaysRecordedWithItsErrorAndTheOthersAreWritten() throws Exception {
		// recorded for the owner under an HR id that names no one (the intake resolves it
		// first; here it stands for any delivery whose case cannot be written)
		java.util.UUID broken = recordDelivery(TestData.unique("evt"), owner, "NO-SUCH-HR-ID",
				java.util.UUID.randomUUID());
		CaseReceipt good = deprovisioning.acceptTermination(notice(TestData.unique("evt")));

		DeprovisioningCase c = awaitCase(good.caseId());
		assertThat(c.getReceipts()).hasSize(1);
		var row = jdbc.queryForMap("select attempts, last_error from termination_intake where id = ?", broken);
		assertThat((Integer) row.get("attempts")).isPositive();
		assertThat((String) row.get("last_error")).contains("NO-SUCH-HR-ID");
		jdbc.update("delete from termination_intake where id = ?", broken);
	}

	@Autowired
	AccountDisabler disabler;

	/**
	 * Waits (at most 30 s) until the disabler recorded the case's account; returns the
	 * row.
	 */
	java.util.Map<String, Object> awaitDisableRecorded(DeprovisioningCaseId id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<java.util.Map<String, Object>> rows = jdbc
				.queryForList("select * from account_disable where case_id = ? and state <> 'PENDING'", id.value());
			if (!rows.isEmpty()) {
				return rows.get(0);
			}
			disabler.drain();
			Thread.sleep(20);
		}
		throw new AssertionError("account of case " + id + " not recorded as disabled within 30 s");
	}

	/** Waits (at most 30 s) until the disabler tried the case's account and failed. */
	void awaitFailedAttempt(DeprovisioningCaseId id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (jdbc.queryForObject("select count(*) from account_disable where case_id = ? and attempts > 0",
				Integer.class, id.value()) == 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("account of case " + id + " not tried within 30 s");
			}
			disabler.drain();
			Thread.sleep(20);
		}
	}

	static Instant instant(Object timestamp) {
		return timestamp instanceof java.time.OffsetDateTime t ? t.toInstant()
				: ((java.sql.Timestamp) timestamp).toInstant();
	}

	@Test
	void anAcceptedTerminationDisablesTheAccountOutsideAnyTransactionAndTheStepRecordsThatTime() throws Exception {
		int inTransaction = keycloak.disableCallsInTransaction();
		CaseReceipt receipt = deprovisioning.acceptTermination(notice(TestData.unique("evt")));

		var row = awaitDisableRecorded(receipt.caseId());
		assertThat(row.get("state")).isEqualTo("DISABLED");
		assertThat(keycloak.isDisabled(leaver.getUsername())).isTrue();
		assertThat(keycloak.activeSessions(leaver.getUsername())).isZero();
		// the identity provider was called with no transaction, so no connection, held
		assertThat(keycloak.disableCallsInTransaction()).isEqualTo(inTransaction);

		DeprovisioningCase c = awaitCase(receipt.caseId());
		deprovisioning.disableAccount(c.getId());
		deprovisioning.disableAccount(c.getId()); // a retried step records once
		DeprovisioningCase after = deprovisioning.get(c.getId());
		assertThat(after.getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.SESSIONS_ENDED);
		// the time the account was disabled at the provider, not when the step ran
		assertThat(after.getSteps().get(0).getDoneAt()).isEqualTo(instant(row.get("done_at")));
		assertThat(after.getSteps().get(0).getDoneBy()).isEqualTo("system:keycloak");
		assertThat(keycloak.disableCallsOf(leaver.getUsername())).isOne();
		assertThat(people.get(leaver.getId()).getEmploymentStatus()).isEqualTo(EmploymentStatus.LEFT);
		assertThat(auditOf(c.getId())).extracting(AuditEntry::getAction).contains("DEPROVISIONING_ACCOUNT_DISABLED");
	}

	@Test
	void theDisableStepWaitsForAPendingDisableWithoutCallingTheIdentityProvider() throws Exception {
		keycloak.setDown(true);
		CaseReceipt receipt = deprovisioning.acceptTermination(notice(TestData.unique("evt")));
		DeprovisioningCase c = awaitCase(receipt.caseId());
		awaitFailedAttempt(c.getId());

		// the step fails (its job is retried) and records nothing while the disable is
		// pending; the failed call is kept with a retry time
		assertThatThrownBy(() -> deprovisioning.disableAccount(c.getId()))
			.isInstanceOf(AccountDisablePendingException.class)
			.hasMessageContaining("being disabled");
		assertThat(deprovisioning.get(c.getId()).getSteps()).isEmpty();
		var pending = jdbc.queryForMap("select state, attempts, last_error from account_disable where case_id = ?",
				c.getId().value());
		assertThat(pending.get("state")).isEqualTo("PENDING");
		assertThat((Integer) pending.get("attempts")).isPositive();
		assertThat((String) pending.get("last_error")).contains("unreachable");

		keycloak.setDown(false);
		jdbc.update("update account_disable set next_attempt_at = ? where case_id = ?",
				java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1), c.getId().value());
		awaitDisableRecorded(c.getId());
		deprovisioning.disableAccount(c.getId());
		assertThat(deprovisioning.get(c.getId()).getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.SESSIONS_ENDED);
		assertThat(keycloak.disableCallsOf(leaver.getUsername())).isOne();
	}

	@Test
	void aDisableLeftByAKilledNodeIsDoneAgainWhenItsLeaseEndsAndRecordedOnce() throws Exception {
		// a node claimed the request and had Keycloak disable the account, then was
		// killed before it recorded that: the row is pending under a live lease
		keycloak.setDown(true);
		CaseReceipt receipt = deprovisioning.acceptTermination(notice(TestData.unique("evt")));
		DeprovisioningCaseId id = receipt.caseId();
		awaitCase(id);
		awaitFailedAttempt(id);
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
		jdbc.update("update account_disable set next_attempt_at = ?, claimed_until = ? where case_id = ?",
				now.minusSeconds(1), now.plusMinutes(2), id.value());
		keycloak.setDown(false);
		keycloak.disableUser(leaver.getUsername());

		// while the lease lives, no one takes it
		disabler.drain();
		assertThat(jdbc.queryForObject("select state from account_disable where case_id = ?", String.class, id.value()))
			.isEqualTo("PENDING");

		// the lease ends: drains on four threads at once disable once more and record
		// once
		jdbc.update("update account_disable set claimed_until = ? where case_id = ?", now.minusSeconds(1), id.value());
		ExecutorService drains = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> recorded = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				recorded.add(drains.submit(disabler::drain));
			}
			for (Future<Integer> f : recorded) {
				f.get();
			}
		}
		finally {
			drains.shutdown();
		}
		awaitDisableRecorded(id);
		assertThat(keycloak.disableCallsOf(leaver.getUsername())).isEqualTo(2);
		deprovisioning.disableAccount(id);
		assertThat(deprovisioning.get(id).getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.SESSIONS_ENDED);
	}

	@Autowired
	IntakePressure pressure;

	@Test
	void whileABurstIsTakenTheAccountIsDisabledAndTheCaseIsWrittenOnceWhenTheBurstEases() throws Exception {
		// three intakes in progress at once: a burst
		// (trunkguard.deprovisioning.intake.busy-at)
		List<IntakePressure.Intake> burst = List.of(pressure.begin(), pressure.begin(), pressure.begin());
		CaseReceipt receipt;
		try {
			receipt = deprovisioning.acceptTermination(notice(TestData.unique("evt")));
			// the account does not wait for the burst
			assertThat(awaitDisableRecorded(receipt.caseId()).get("state")).isEqualTo("DISABLED");
			// the case does: the worker writes nothing while the requests come first
			assertThat(intakeWorker.drain()).isZero();
			assertThat(cases.findById(receipt.caseId())).isEmpty();
			assertThat(deprovisioning.leavingAt(leaver.getId())).contains(EVENT_TIME);
		}
		finally {
			burst.forEach(IntakePressure.Intake::close);
		}
		DeprovisioningCase c = awaitCase(receipt.caseId());
		assertThat(c.getReceipts()).hasSize(1);
		assertThat(deprovisioning.casesOf(leaver.getId())).hasSize(1);
	}

	/** Inserts a recorded delivery as the intake does; returns its id. */
	java.util.UUID recordDelivery(String eventId, Person person, String hrId, java.util.UUID caseId) {
		java.util.UUID id = java.util.UUID.randomUUID();
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
		jdbc.update(
				"""
						insert into termination_intake (id, event_id, person_id, hr_id, case_id, source, effective_at, received_at,
						    received_by, attempts, next_attempt_at, last_error)
						values (?, ?, ?, ?, ?, 'HR_WEBHOOK', ?, ?, 'client:hr-webhook', 0, ?, null)""",
				id, eventId, person.getId().value(), hrId, caseId, EVENT_TIME.atOffset(java.time.ZoneOffset.UTC), now,
				now);
		return id;
	}

}
