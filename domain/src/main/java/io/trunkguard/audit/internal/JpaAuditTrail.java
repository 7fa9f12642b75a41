package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditEntryDraft;
import io.trunkguard.audit.AuditHashes;
import io.trunkguard.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends entries under a pessimistic write lock on the chain head row (SELECT ... FOR UPDATE on H2 and
 * PostgreSQL), in the caller's transaction: the lock is held until that transaction ends, so appends from
 * concurrent transactions (threads or nodes) follow one another and the chain never forks.
 */
@Service
@Validated
@Transactional
class JpaAuditTrail implements AuditTrail {

	@PersistenceContext
	private EntityManager entityManager;

	private final Clock clock;

	JpaAuditTrail(ObjectProvider<Clock> clock) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public AuditEntry record(AuditEntryDraft draft) {
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException("cannot write to the audit trail in a read-only transaction: record the entry "
					+ "from a read-write transaction (or outside any, to get one of its own)");
		}
		AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
		if (head == null) {
			throw new IllegalStateException("the audit chain head row is missing: the database was not migrated by Flyway");
		}
		Instant occurredAt = draft.occurredAt() != null ? draft.occurredAt() : clock.instant();
		AuditEntry entry = AuditEntry.chain(head.lastSequence() + 1, head.lastHash(), occurredAt, draft.actor(),
				draft.action(), draft.subjectType(), draft.subjectId(), draft.details());
		entityManager.persist(entry);
		head.advance(entry.getSequence(), entry.getHash());
		// write now so that a constraint violation surfaces here, with the change it belongs to
		entityManager.flush();
		// the written entry never changes: keep it out of the persistence context, so a transaction that records
		// many entries (an import, the demo data) does not dirty-check all of them at every flush
		entityManager.detach(entry);
		return entry;
	}

	@Override
	public AuditEntry record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details) {
		return record(AuditEntryDraft.of(actor, action, subjectType, subjectId, details == null ? null : Json.object(new TreeMap<>(details))));
	}

	@Override
	@Transactional(readOnly = true)
	public String headHash() {
		AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.ID);
		return head == null ? AuditHashes.GENESIS : head.lastHash();
	}

	@Override
	@Transactional(readOnly = true)
	public long headSequence() {
		AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.ID);
		return head == null ? 0 : head.lastSequence();
	}
}
