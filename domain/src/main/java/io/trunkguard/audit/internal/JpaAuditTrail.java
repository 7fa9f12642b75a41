package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditEntryDraft;
import io.trunkguard.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buffers the entries a transaction records; just before it commits they are inserted as
 * pending entries in that transaction (no lock: concurrent audited transactions do not
 * wait for one another), and right after the commit, still on the caller's thread, the
 * caller waits until they are chained ({@link ChainAppender#chainPending}): the node's
 * committing threads form a group ({@link ChainingGroup}) in which one short chaining
 * transaction at a time chains everybody's pending entries, run by one of the waiting
 * threads on its own connection (group commit). So when a transactional call returns, its
 * entries are in the chain (read your writes); if the chaining fails (or the node dies
 * first), the entries stay pending and {@link PendingEntrySweep} chains them. A
 * transaction that rolls back records nothing.
 */
@Service
@Validated
@Transactional
class JpaAuditTrail implements AuditTrail, PendingAuditEntries.Writer {

	private static final Logger log = LoggerFactory.getLogger(JpaAuditTrail.class);

	@PersistenceContext
	private EntityManager entityManager;

	private final Clock clock;

	private final ChainAppender appender = new ChainAppender();

	private final TransactionTemplate newTransaction;

	private final ChainingGroup group = new ChainingGroup();

	JpaAuditTrail(ObjectProvider<Clock> clock, PlatformTransactionManager transactions) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void record(AuditEntryDraft draft) {
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException(
					"cannot write to the audit trail in a read-only transaction: record the entry "
							+ "from a read-write transaction (or outside any, to get one of its own)");
		}
		requireFits("actor", draft.actor(), AuditEntry.MAX_ACTOR);
		requireFits("action", draft.action(), AuditEntry.MAX_ACTION);
		requireFits("subjectType", draft.subjectType(), AuditEntry.MAX_SUBJECT_TYPE);
		requireFits("subjectId", draft.subjectId(), AuditEntry.MAX_SUBJECT_ID);
		requireFits("details", draft.details(), AuditEntry.MAX_DETAILS);
		Instant occurredAt = draft.occurredAt() != null ? draft.occurredAt() : clock.instant();
		AuditEntryDraft stamped = new AuditEntryDraft(draft.actor(), draft.action(), draft.subjectType(),
				draft.subjectId(), draft.details(), occurredAt);
		PendingAuditEntries pending = PendingAuditEntries.of(this, this);
		if (pending != null) {
			pending.add(stamped);
		}
		else {
			// no transaction to collect the entry in (it has completed, or it has no
			// synchronization): record and chain it in a transaction of its own
			recordAndChainInNewTransaction(List.of(stamped));
		}
	}

	@Override
	public void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details) {
		record(AuditEntryDraft.of(actor, action, subjectType, subjectId,
				details == null ? null : Json.object(new TreeMap<>(details))));
	}

	@Override
	@Transactional(readOnly = true)
	public String headHash() {
		return appender.head(entityManager).hash();
	}

	@Override
	@Transactional(readOnly = true)
	public long headSequence() {
		return appender.head(entityManager).sequence();
	}

	@Override
	public void recordPending(List<AuditEntryDraft> drafts) {
		entityManager.unwrap(Session.class).doWork(connection -> ChainAppender.recordPending(connection, drafts));
	}

	/**
	 * Runs after the business transaction committed, while its connection is still bound
	 * to the thread: hands the request to this node's {@link ChainingGroup} and returns
	 * once a chaining transaction that started after the commit has committed. When this
	 * thread is the one to run it, it runs on this connection in a transaction of its
	 * own, so no second connection is needed however many threads commit at once.
	 * Failures are logged, not thrown: the business change has committed, and its entries
	 * wait, durably, for the sweep.
	 */
	@Override
	public void chainAfterCommit(List<AuditEntryDraft> late) {
		try {
			boolean chained = entityManager.unwrap(Session.class).doReturningWork(connection -> {
				if (!late.isEmpty()) {
					inOwnTransaction(connection, () -> {
						ChainAppender.recordPending(connection, late);
						connection.commit();
					});
				}
				return group.chainAfter(() -> inOwnTransaction(connection, () -> chainUntilDone(connection, null)));
			});
			if (!chained) {
				log.warn("Audit entries stay pending after their transaction committed (the chaining that served "
						+ "them failed on another thread, or the wait was interrupted); the sweep chains them");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit entries stay pending after their transaction committed ({}); the sweep chains them",
					ex.getMessage(), ex);
		}
	}

	/** This node's chaining transactions: how many requests, in how many transactions. */
	ChainingGroup group() {
		return group;
	}

	/**
	 * Chains in batches of {@link ChainAppender#CHAIN_BATCH}, each committed, until the
	 * given entries (all pending entries if null) are in the chain.
	 */
	static void chainUntilDone(Connection connection, long[] ids) throws SQLException {
		while (ChainAppender.chainPending(connection, ids) == ChainAppender.CHAIN_BATCH) {
			connection.commit();
		}
		connection.commit();
	}

	/** Runs the work in a transaction of the connection's own; rolls back on failure. */
	static void inOwnTransaction(Connection connection, SqlWork work) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		if (autoCommit) {
			connection.setAutoCommit(false);
		}
		try {
			work.run();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			if (autoCommit) {
				connection.setAutoCommit(true);
			}
		}
	}

	@FunctionalInterface
	interface SqlWork {

		void run() throws SQLException;

	}

	private void recordAndChainInNewTransaction(List<AuditEntryDraft> drafts) {
		newTransaction.executeWithoutResult(status -> entityManager.unwrap(Session.class).doWork(connection -> {
			long[] ids = ChainAppender.recordPending(connection, drafts);
			ChainAppender.chainPending(connection, ids);
		}));
	}

	private static void requireFits(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new IllegalArgumentException(
					"audit entry " + field + " is " + value.length() + " characters long, at most " + max + " fit");
		}
	}

}
