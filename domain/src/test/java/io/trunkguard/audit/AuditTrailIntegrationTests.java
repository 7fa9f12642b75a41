package io.trunkguard.audit;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.testsupport.AuditTrailTampering;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain against a real database; run on H2 and PostgreSQL by the subclasses.
 */
abstract class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	AuditEntries entries;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationEventPublisher events;

	AuditTrailTampering tampering;

	@BeforeEach
	void startFromAnEmptyChain() {
		tampering = new AuditTrailTampering(dataSource);
		tampering.resetChain();
	}

	@Test
	void databaseRefusesToUpdateOrDeleteEntries() {
		appendEntries(2);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);

		assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'x' where sequence = 1"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_entry where sequence = 2"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_chain_head")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");

		assertThat(entries.count()).isEqualTo(2);
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void verifiesAnEmptyChain() {
		AuditVerification result = verifier.verify();

		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isZero();
		assertThat(result.firstBrokenSequence()).isNull();
		assertThat(result.headHash()).isEqualTo(AuditHashes.GENESIS);
	}

	@Test
	void appendsEntriesChainedByHash() {
		Instant occurredAt = Instant.parse("2026-05-04T10:15:30.123456789Z");
		trail.record(new AuditEntryDraft("reviewer", "LOGIN_SUCCEEDED", null, null, null, occurredAt));
		trail.record("auditor", "WRITE_REFUSED", "Grant", "42", Map.of("path", "/grants/42", "method", "POST"));
		AuditEntry first = entries.findById(1L).orElseThrow();
		AuditEntry second = entries.findById(2L).orElseThrow();

		assertThat(first.getSequence()).isEqualTo(1);
		assertThat(first.getPreviousHash()).isEqualTo(AuditHashes.GENESIS);
		assertThat(second.getSequence()).isEqualTo(2);
		assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
		assertThat(second.getDetails()).isEqualTo("{\"method\":\"POST\",\"path\":\"/grants/42\"}");
		AuditEntry stored = entries.findById(1L).orElseThrow();
		assertThat(stored.getOccurredAt()).isEqualTo(occurredAt.truncatedTo(ChronoUnit.MICROS));
		assertThat(stored.getHash()).isEqualTo(first.getHash()).isEqualTo(stored.computeHash());
		assertThat(trail.headHash()).isEqualTo(second.getHash());
		assertThat(trail.headSequence()).isEqualTo(2);
		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(2);
		assertThat(result.headHash()).isEqualTo(second.getHash());
	}

	@Test
	void rejectsAnInvalidDraftAndAppendsNothing() {
		assertThatThrownBy(() -> trail.record(AuditEntryDraft.of(" ", "LOGIN_SUCCEEDED", null, null, null)))
			.isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("actor");
		assertThatThrownBy(() -> trail.record(AuditEntryDraft.of("admin", "not upper case", null, null, null)))
			.isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("action");
		assertThatThrownBy(() -> trail.record(AuditEntryDraft.of("admin", "EXPORT", null, null, "x".repeat(8001))))
			.isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("details");

		assertThat(entries.count()).isZero();
		assertThat(trail.headSequence()).isZero();
	}

	record CampaignOpened(String campaignId, String actor, Instant occurredAt) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "CAMPAIGN_OPENED";
		}

		@Override
		public String auditSubjectType() {
			return "Campaign";
		}

		@Override
		public String auditSubjectId() {
			return campaignId;
		}

		@Override
		public Map<String, Object> auditDetails() {
			return AuditableEvent.details("quarter", "2026-Q4", "items", 12);
		}
	}

	@Test
	void recordsAnyModulesAuditableEventsInThePublishingTransaction() {
		Instant at = Instant.parse("2026-10-01T08:00:00Z");
		transaction.executeWithoutResult(status -> {
			events.publishEvent(new CampaignOpened("c-rolled-back", "compliance-lead", at));
			status.setRollbackOnly();
		});
		transaction
			.executeWithoutResult(status -> events.publishEvent(new CampaignOpened("c-1", "compliance-lead", at)));

		assertThat(entries.count()).isEqualTo(1);
		AuditEntry entry = entries.findById(1L).orElseThrow();
		assertThat(entry.getAction()).isEqualTo("CAMPAIGN_OPENED");
		assertThat(entry.getSubjectId()).isEqualTo("c-1");
		assertThat(entry.getActor()).isEqualTo("compliance-lead");
		assertThat(entry.getOccurredAt()).isEqualTo(at);
		assertThat(entry.getDetails()).isEqualTo("{\"items\":12,\"quarter\":\"2026-Q4\"}");
	}

	@Test
	void refusesToAppendInAReadOnlyTransaction() {
		TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
		readOnly.setReadOnly(true);

		assertThatThrownBy(() -> readOnly
			.executeWithoutResult(status -> trail.record("auditor", AuditActions.EXPORT_CREATED, null, null, null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("read-only transaction");
		assertThat(entries.count()).isZero();
	}

	@Test
	void startsItsOwnTransactionWhenCalledOutsideOne() {
		trail.record("anonymous", AuditActions.LOGIN_FAILED, null, null, Map.of("username", "mallory"));

		assertThat(entries.findById(1L)).get().extracting(AuditEntry::getActor).isEqualTo("anonymous");
		assertThat(trail.headSequence()).isEqualTo(1);
	}

	@Test
	void keepsTheChainIntactUnderConcurrentAppends() throws Exception {
		int threads = 4;
		int perThread = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String actor = "worker-" + t;
				futures.add(pool.submit((Callable<Void>) () -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						int n = i;
						// each append in its own transaction, as concurrent requests
						// would do
						transaction.executeWithoutResult(
								status -> trail.record(actor, "EXPORT_CREATED", "Export", actor + "-" + n, null));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(entries.count()).isEqualTo(threads * perThread);
		assertThat(trail.headSequence()).isEqualTo(threads * perThread);
		AuditVerification result = verifier.verify();
		assertThat(result.intact()).as(result.reason()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(threads * perThread);
	}

	@Test
	void appendsATransactionsEntriesInOrderWhenItCommits() {
		transaction.executeWithoutResult(status -> {
			trail.record("lead", "EXPORT_CREATED", "Export", "e-1", null);
			trail.record("lead", "EXPORT_CREATED", "Export", "e-2", null);
			trail.record("lead", "EXPORT_CREATED", "Export", "e-3", null);
			// not appended yet: the chain moves at the commit
			assertThat(trail.headSequence()).isZero();
			assertThat(entries.count()).isZero();
		});

		assertThat(entries.findBySequenceGreaterThanOrderBySequenceAsc(0, Limit.of(10)))
			.extracting(AuditEntry::getSubjectId)
			.containsExactly("e-1", "e-2", "e-3");
		assertThat(trail.headSequence()).isEqualTo(3);
		assertThat(trail.headHash()).isEqualTo(entries.findById(3L).orElseThrow().getHash());
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void appendsNothingWhenTheTransactionRollsBack() {
		trail.record("lead", "EXPORT_CREATED", "Export", "kept", null);

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			trail.record("lead", "EXPORT_CREATED", "Export", "rolled-back", null);
			throw new IllegalStateException("the change failed");
		})).hasMessage("the change failed");

		assertThat(entries.count()).isEqualTo(1);
		assertThat(trail.headSequence()).isEqualTo(1);
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void keepsTheEntriesOfASuspendedTransactionApartFromItsInnerOne() {
		TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
		inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		transaction.executeWithoutResult(status -> {
			trail.record("lead", "EXPORT_CREATED", "Export", "outer", null);
			inner.executeWithoutResult(innerStatus -> trail.record("lead", "EXPORT_CREATED", "Export", "inner", null));
			// the inner transaction committed its own entry only
			assertThat(trail.headSequence()).isEqualTo(1);
		});

		assertThat(entries.findBySequenceGreaterThanOrderBySequenceAsc(0, Limit.of(10)))
			.extracting(AuditEntry::getSubjectId)
			.containsExactly("inner", "outer");
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void refusesTooLongDetailsWhenRecordedAndAppendsNothing() {
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> trail.record("lead", "EXPORT_CREATED",
				"Export", "x", Map.of("note", "n".repeat(AuditEntry.MAX_DETAILS)))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("details");

		assertThat(entries.count()).isZero();
	}

	@Test
	void appendsAnEntryRecordedWhileItsTransactionCommits() {
		transaction
			.executeWithoutResult(status -> org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						trail.record("lead", "EXPORT_CREATED", "Export", "late", null);
					}
				}));

		assertThat(entries.findById(1L)).get().extracting(AuditEntry::getSubjectId).isEqualTo("late");
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void letsOtherTransactionsAppendWhileOneHasEntriesPending() throws Exception {
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch otherDone = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> slow = pool.submit(() -> transaction.executeWithoutResult(status -> {
				trail.record("slow", "EXPORT_CREATED", "Export", "slow", null);
				recorded.countDown();
				try {
					// the chain is not locked by a pending entry: the other transaction
					// commits meanwhile
					assertThat(otherDone.await(20, TimeUnit.SECONDS)).isTrue();
				}
				catch (InterruptedException e) {
					throw new IllegalStateException(e);
				}
			}));
			assertThat(recorded.await(20, TimeUnit.SECONDS)).isTrue();
			trail.record("fast", "EXPORT_CREATED", "Export", "fast", null);
			otherDone.countDown();
			slow.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(entries.findBySequenceGreaterThanOrderBySequenceAsc(0, Limit.of(10)))
			.extracting(AuditEntry::getSubjectId)
			.containsExactly("fast", "slow");
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void detectsAChangedFieldAndNamesTheEntry() {
		appendEntries(5);

		tampering.changeColumn(3, "actor", "someone-else");

		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(3);
		assertThat(result.reason()).contains("entry 3 was changed");
	}

	@Test
	void detectsAChangedDetailsText() {
		appendEntries(4);

		tampering.changeColumn(2, "details", "{\"reason\":\"nothing to see\"}");

		AuditVerification result = verifier.verify();
		assertThat(result.firstBrokenSequence()).isEqualTo(2);
	}

	@Test
	void detectsAReplacedEntryWithARecomputedHash() {
		appendEntries(4);
		AuditEntry original = entries.findById(2L).orElseThrow();
		// a careful attacker rewrites entry 2 and recomputes its hash; entry 3 still
		// points at the old hash
		AuditEntry forged = AuditEntry.chain(2, original.getPreviousHash(), original.getOccurredAt(), "intruder",
				original.getAction(), original.getSubjectType(), original.getSubjectId(), original.getDetails());
		tampering.changeColumn(2, "actor", "intruder");
		tampering.changeColumn(2, "hash", forged.getHash());

		AuditVerification result = verifier.verify();

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(3);
		assertThat(result.reason()).contains("does not follow entry 2");
	}

	@Test
	void detectsADeletedEntry() {
		appendEntries(5);

		tampering.deleteEntry(2);

		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(2);
		assertThat(result.reason()).contains("entry 2 is missing");
	}

	@Test
	void detectsDeletedNewestEntries() {
		appendEntries(5);

		tampering.deleteEntry(5);
		tampering.deleteEntry(4);

		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(4);
		assertThat(result.entriesChecked()).isEqualTo(3);
	}

	@Test
	void detectsReorderedEntries() {
		appendEntries(4);

		tampering.renumber(2, 100);
		tampering.renumber(3, 2);
		tampering.renumber(100, 3);

		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSequence()).isEqualTo(2);
	}

	@Test
	void walksChainsLongerThanOnePage() {
		int count = 650;
		transaction.executeWithoutResult(status -> appendEntries(count));

		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(count);

		tampering.changeColumn(600, "action", "NOTHING_HAPPENED");
		assertThat(verifier.verify().firstBrokenSequence()).isEqualTo(600);
	}

	@Test
	void readsEntriesByPeriodAndFilter() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		trail.record(new AuditEntryDraft("alice", "LOGIN_SUCCEEDED", null, null, null, t0));
		trail.record(new AuditEntryDraft("bob", "LOGIN_FAILED", null, null, null, t0.plusSeconds(60)));
		trail.record(new AuditEntryDraft("alice", "EXPORT_CREATED", "EvidencePack", "p1", null, t0.plusSeconds(120)));

		assertThat(entries.search("alice", null, null, null, null, null, PageRequest.of(0, 10)).getContent())
			.extracting(AuditEntry::getAction)
			.containsExactly("EXPORT_CREATED", "LOGIN_SUCCEEDED");
		assertThat(
				entries.search(null, null, null, null, t0.plusSeconds(30), t0.plusSeconds(120), PageRequest.of(0, 10))
					.getContent())
			.extracting(AuditEntry::getActor)
			.containsExactly("bob");
		assertThat(entries
			.findByOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderBySequenceAsc(t0, t0.plusSeconds(121),
					PageRequest.of(0, 2))
			.getTotalElements()).isEqualTo(3);
		assertThat(entries.findBySequenceGreaterThanOrderBySequenceAsc(1, Limit.of(5)))
			.extracting(AuditEntry::getSequence)
			.containsExactly(2L, 3L);
	}

	void appendEntries(int count) {
		for (int i = 1; i <= count; i++) {
			trail.record("tester", "GRANT_REVOKED", "Grant", "g-" + i, Map.of("reason", "test " + i));
		}
	}

}
