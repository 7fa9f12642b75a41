package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditEntryDraft;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit entries one transaction has recorded. {@link #beforeCommit} (the last thing
 * the transaction does before it commits: this synchronization has the lowest precedence)
 * inserts them as pending entries, in the transaction, without any lock;
 * {@link #afterCompletion} (after the commit, before the transactional call returns to
 * its caller) waits until they are chained, together with everyone else's pending entries
 * ({@link ChainingGroup}). If the transaction rolls back, nothing was recorded. Held by
 * the transaction's synchronizations only, so a suspended transaction (REQUIRES_NEW)
 * keeps its own entries.
 */
final class PendingAuditEntries implements TransactionSynchronization {

	/** What the trail does with a transaction's entries. */
	interface Writer {

		/** In the committing transaction: inserts the drafts as pending. */
		void recordPending(List<AuditEntryDraft> drafts);

		/**
		 * After the commit: records the late drafts (recorded while the transaction was
		 * committing) and returns once the pending entries, the transaction's included,
		 * are chained (or left to the sweep if the chaining failed).
		 */
		void chainAfterCommit(List<AuditEntryDraft> late);

	}

	private final Object owner;

	private final Writer writer;

	private final List<AuditEntryDraft> drafts = new ArrayList<>();

	private int recorded;

	private boolean completed;

	private PendingAuditEntries(Object owner, Writer writer) {
		this.owner = owner;
		this.writer = writer;
	}

	/**
	 * The pending entries of the current transaction (registering them on first use), or
	 * null if entries can no longer be collected for it: synchronization is off, or the
	 * transaction has completed.
	 */
	static PendingAuditEntries of(Object owner, Writer writer) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingAuditEntries pending && pending.owner == owner) {
				return pending.completed ? null : pending;
			}
		}
		PendingAuditEntries pending = new PendingAuditEntries(owner, writer);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	void add(AuditEntryDraft draft) {
		drafts.add(draft);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (recorded < drafts.size()) {
			writer.recordPending(List.copyOf(drafts.subList(recorded, drafts.size())));
			recorded = drafts.size();
		}
	}

	@Override
	public void afterCompletion(int status) {
		completed = true;
		if (status == STATUS_COMMITTED && !drafts.isEmpty()) {
			// entries recorded after beforeCommit (from another synchronization's
			// callback)
			// are late for this transaction: the chainer records them first
			writer.chainAfterCommit(List.copyOf(drafts.subList(recorded, drafts.size())));
		}
	}

}
