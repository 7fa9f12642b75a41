package io.trunkguard.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/**
 * Appends to the audit trail. Joins the caller's transaction (or starts one), so an entry is written if and only if
 * the change it records commits. Appends are serialized by a lock on the chain head: concurrent writers (threads or
 * nodes sharing one database) never fork the chain. There is no way to change or delete an entry.
 */
public interface AuditTrail {

	/** Appends an entry and returns it with its sequence number and hash. */
	AuditEntry record(@Valid @NotNull AuditEntryDraft draft);

	/**
	 * Convenience: appends an entry whose details are the given map, written as a JSON object with keys in sorted
	 * order (values are written with {@code String.valueOf}, nulls as JSON null).
	 */
	AuditEntry record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details);

	/** The hash of the newest entry (or the genesis hash of an empty trail): what an evidence pack carries. */
	String headHash();

	/** The sequence number of the newest entry, 0 for an empty trail. */
	long headSequence();
}
