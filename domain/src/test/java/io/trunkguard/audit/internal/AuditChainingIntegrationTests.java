package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntryDraft;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.audit.AuditVerification;
import io.trunkguard.testsupport.AuditTrailTampering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13, durable writes: business transactions record their entries as pending (no
 * chain lock) and the chain is written after commit by one writer at a time. Run on H2
 * and PostgreSQL by the subclasses.
 */
abstract class AuditChainingIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PendingEntrySweep sweep;

	@BeforeEach
	void startFromAnEmptyChain() {
		// the background sweep would chain the entries these tests leave pending on
		// purpose before they look at them: the tests call it themselves
		sweep.stop();
		new AuditTrailTampering(dataSource).resetChain();
	}

	@AfterEach
	void restartTheSweep() {
		sweep.start();
	}

	/** Another node's chainer: a connection pool of its own on the same database. */
	abstract DataSource secondNode();

	@Test
	void chainsConcurrentTransactionsOnceEachWithoutGapOrForkWhileAnotherNodeSweeps() throws Exception {
		int threads = 24;
		int transactionsPerThread = 10;
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean running = new AtomicBoolean(true);
		try {
			Future<Integer> otherNode = pool.submit(() -> {
				int chained = 0;
				start.await();
				while (running.get()) {
					try (Connection connection = secondNode().getConnection()) {
						connection.setAutoCommit(false);
						chained += ChainAppender.chainPending(connection, null);
						connection.commit();
					}
				}
				return chained;
			});
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String actor = "reviewer-" + t;
				futures.add(pool.submit((Callable<Void>) () -> {
					start.await();
					for (int i = 0; i < transactionsPerThread; i++) {
						String id = actor + "-" + i;
						transaction.executeWithoutResult(status -> {
							trail.record(actor, "REVIEW_DECIDED", "ReviewItem", id + "-a", null);
							trail.record(actor, "REVIEW_DECIDED", "ReviewItem", id + "-b", null);
						});
						// read your writes: the call has returned, so its entries are
						// chained
						assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_id in (?, ?)",
								Long.class, id + "-a", id + "-b"))
							.isEqualTo(2);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(120, TimeUnit.SECONDS);
			}
			running.set(false);
			otherNode.get(30, TimeUnit.SECONDS);
		}
		finally {
			running.set(false);
			pool.shutdownNow();
		}

		long expected = 2L * threads * transactionsPerThread;
		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(expected);
		assertThat(jdbc.queryForObject("select count(distinct subject_id) from audit_entry", Long.class))
			.isEqualTo(expected);
		assertThat(jdbc.queryForObject("select min(sequence) from audit_entry", Long.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select max(sequence) from audit_entry", Long.class)).isEqualTo(expected);
		assertThat(trail.headSequence()).isEqualTo(expected);
		assertThat(pendingCount()).isZero();
		// each transaction's entries in the order recorded
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry a join audit_entry b on b.subject_id = "
						+ "replace(a.subject_id, '-a', '-b') where a.subject_id like '%-a' and a.sequence > b.sequence",
				Long.class))
			.isZero();
		AuditVerification result = verifier.verify();
		assertThat(result.intact()).as(result.reason()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(expected);
	}

	@Test
	void leavesNothingPendingOrChainedWhenTheBusinessTransactionRollsBack() {
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			trail.record("lead", "EXPORT_CREATED", "Export", "rolled-back", null);
			throw new IllegalStateException("the change failed");
		})).hasMessage("the change failed");

		assertThat(pendingCount()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isZero();
		assertThat(sweep.sweep()).isZero();
		assertThat(trail.headSequence()).isZero();
	}

	@Test
	void sweepChainsTheEntriesACrashLeftPending() throws Exception {
		// a node recorded and committed its business transaction, then died before
		// chaining
		try (Connection connection = secondNode().getConnection()) {
			connection.setAutoCommit(false);
			ChainAppender.recordPending(connection,
					List.of(draft("crashed-1"), draft("crashed-2"), draft("crashed-3")));
			connection.commit();
		}
		assertThat(pendingCount()).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isZero();

		sweep.sweep();

		assertThat(pendingCount()).isZero();
		assertThat(jdbc.queryForList("select subject_id from audit_entry order by sequence", String.class))
			.containsExactly("crashed-1", "crashed-2", "crashed-3");
		assertThat(verifier.verify().intact()).isTrue();
		// and the next business transaction continues the same chain
		trail.record("lead", "EXPORT_CREATED", "Export", "after", Map.of());
		assertThat(trail.headSequence()).isEqualTo(4);
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void refusesToChangeOrDeletePendingEntries() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			ChainAppender.recordPending(connection, List.of(draft("waiting")));
			connection.commit();
		}

		assertThatThrownBy(() -> jdbc.update("update audit_pending_entry set actor = 'mallory'"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("can only be inserted");
		assertThatThrownBy(() -> jdbc.update("delete from audit_pending_entry")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("can only be inserted");
		assertThat(jdbc.queryForObject("select actor from audit_pending_entry", String.class)).isEqualTo("tester");

		sweep.sweep();
		assertThat(jdbc.queryForObject("select actor from audit_entry where subject_id = 'waiting'", String.class))
			.isEqualTo("tester");
	}

	@Test
	void aFailedChainingLeavesTheCommittedEntriesPendingAndTheSweepChainsThem() {
		trail.record("lead", "EXPORT_CREATED", "Export", "first", null);
		// the chain's next place is taken: the next chaining transaction fails
		new AuditTrailTampering(dataSource).renumber(1, 2);

		transaction.executeWithoutResult(
				status -> trail.record("lead", "EXPORT_CREATED", "Export", "committed-unchained", null));

		// the business transaction committed and returned; its entry waits, durably
		assertThat(pendingCount()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_id = 'committed-unchained'",
				Long.class))
			.isZero();

		new AuditTrailTampering(dataSource).renumber(2, 1);
		assertThat(sweep.sweep()).isEqualTo(1);
		assertThat(pendingCount()).isZero();
		assertThat(jdbc.queryForList("select subject_id from audit_entry order by sequence", String.class))
			.containsExactly("first", "committed-unchained");
		assertThat(verifier.verify().intact()).isTrue();
	}

	long pendingCount() {
		return jdbc.queryForObject("select count(*) from audit_pending_entry", Long.class);
	}

	static AuditEntryDraft draft(String subjectId) {
		return new AuditEntryDraft("tester", "EXPORT_CREATED", "Export", subjectId, "{\"n\":1}", Instant.now());
	}

}
