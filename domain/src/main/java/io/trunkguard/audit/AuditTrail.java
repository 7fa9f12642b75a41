package io.trunkguard.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/**
 * Appends to the audit trail. Joins the caller's transaction (or starts one), so an entry
 * is written if and only if the change it records commits: the transaction's entries are
 * stored as pending, in the order recorded, just before it commits (plain inserts, no
 * lock, so concurrent audited transactions do not wait for one another), and chained
 * right after the commit, before the transactional call returns: one writer at a time
 * (threads or nodes sharing one database) gives all pending entries their sequence
 * numbers and hashes in one short transaction, so the chain never forks, has no gap and
 * holds each entry once. Entries left pending by a crash are chained by a background
 * sweep. There is no way to change or delete an entry.
 */
public interface AuditTrail {

	/**
	 * Records an entry, chained when the current transaction has committed (at once when
	 * there is none: the entry gets a transaction of its own). Bad input (see
	 * {@link AuditEntryDraft}'s constraints) is refused here, not at commit.
	 */
	void record(@Valid @NotNull AuditEntryDraft draft);

	/**
	 * Convenience: appends an entry whose details are the given map, written as a JSON
	 * object with keys in sorted order (values are written with {@code String.valueOf},
	 * nulls as JSON null).
	 */
	void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details);

	/**
	 * The hash of the newest committed entry (or the genesis hash of an empty trail):
	 * what an evidence pack carries. Entries the current transaction recorded are not in
	 * it until that transaction commits.
	 */
	String headHash();

	/** The sequence number of the newest committed entry, 0 for an empty trail. */
	long headSequence();

}
