package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditEntryDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit entries one transaction has recorded, appended to the chain by
 * {@link #beforeCommit}: the last thing the transaction does before it commits (this
 * synchronization has the lowest precedence, so it runs after the others' beforeCommit).
 * If the transaction rolls back, nothing is appended. Held by the transaction's
 * synchronizations only, so a suspended transaction (REQUIRES_NEW) keeps its own entries.
 */
final class PendingAuditEntries implements TransactionSynchronization {

	private static final Logger log = LoggerFactory.getLogger(PendingAuditEntries.class);

	private final Object owner;

	private final Consumer<List<AuditEntryDraft>> appendInTransaction;

	private final Consumer<List<AuditEntryDraft>> appendInNewTransaction;

	private final List<AuditEntryDraft> drafts = new ArrayList<>();

	private boolean appended;

	private PendingAuditEntries(Object owner, Consumer<List<AuditEntryDraft>> appendInTransaction,
			Consumer<List<AuditEntryDraft>> appendInNewTransaction) {
		this.owner = owner;
		this.appendInTransaction = appendInTransaction;
		this.appendInNewTransaction = appendInNewTransaction;
	}

	/**
	 * The pending entries of the current transaction (registering them on first use), or
	 * null if entries can no longer be buffered: synchronization is off, or this
	 * transaction's entries were already appended (it is committing).
	 */
	static PendingAuditEntries of(Object owner, Consumer<List<AuditEntryDraft>> appendInTransaction,
			Consumer<List<AuditEntryDraft>> appendInNewTransaction) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingAuditEntries pending && pending.owner == owner) {
				return pending.appended ? null : pending;
			}
		}
		PendingAuditEntries pending = new PendingAuditEntries(owner, appendInTransaction, appendInNewTransaction);
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
		appended = true;
		if (!drafts.isEmpty()) {
			appendInTransaction.accept(List.copyOf(drafts));
		}
	}

	@Override
	public void afterCompletion(int status) {
		if (status == STATUS_COMMITTED && !appended && !drafts.isEmpty()) {
			// recorded while the transaction was already committing (from another
			// synchronization's callback): too late
			// for this transaction, so append in a new one rather than lose the entries
			log.warn(
					"{} audit entries were recorded after their transaction's last chance to append them; appending them "
							+ "in a transaction of their own",
					drafts.size());
			appended = true;
			appendInNewTransaction.accept(List.copyOf(drafts));
		}
	}

}
