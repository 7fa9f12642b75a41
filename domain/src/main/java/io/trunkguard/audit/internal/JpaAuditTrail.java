package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditEntryDraft;
import io.trunkguard.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buffers the entries a transaction records and appends them all just before it commits
 * ({@link PendingAuditEntries}, the last synchronization to run): the lock on the chain
 * head (SELECT ... FOR UPDATE, on H2 and PostgreSQL) is taken then, not at the first
 * entry, so concurrent audited transactions do their work in parallel and queue only for
 * the append and the commit. One batched insert and one chain-head update per
 * transaction; a transaction that rolls back appends nothing.
 */
@Service
@Validated
@Transactional
class JpaAuditTrail implements AuditTrail {

	@PersistenceContext
	private EntityManager entityManager;

	private final Clock clock;

	private final ChainAppender appender = new ChainAppender();

	private final TransactionTemplate newTransaction;

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
		PendingAuditEntries pending = PendingAuditEntries.of(this, this::appendNow, this::appendInNewTransaction);
		if (pending != null) {
			pending.add(stamped);
		}
		else {
			// nothing left to append from (this transaction is committing, or it has no
			// synchronization): append now
			appendNow(List.of(stamped));
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

	/**
	 * Writes the transaction's pending changes (outside the chain lock), then appends the
	 * entries in the transaction.
	 */
	private void appendNow(List<AuditEntryDraft> drafts) {
		entityManager.flush();
		appender.append(entityManager, drafts);
	}

	private void appendInNewTransaction(List<AuditEntryDraft> drafts) {
		newTransaction.executeWithoutResult(status -> appender.append(entityManager, drafts));
	}

	private static void requireFits(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new IllegalArgumentException(
					"audit entry " + field + " is " + value.length() + " characters long, at most " + max + " fit");
		}
	}

}
