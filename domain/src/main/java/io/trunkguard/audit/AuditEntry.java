package io.trunkguard.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of the audit trail. Immutable: Hibernate never writes changes of a loaded
 * entry, the class has no setters, and on PostgreSQL a trigger refuses UPDATE and DELETE
 * on the table.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

	public static final int MAX_ACTOR = 200;

	public static final int MAX_ACTION = 100;

	public static final int MAX_SUBJECT_TYPE = 100;

	public static final int MAX_SUBJECT_ID = 200;

	public static final int MAX_DETAILS = 8000;

	@Id
	private long sequence;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(nullable = false, length = MAX_ACTOR)
	private String actor;

	@Column(nullable = false, length = MAX_ACTION)
	private String action;

	@Column(name = "subject_type", length = MAX_SUBJECT_TYPE)
	private String subjectType;

	@Column(name = "subject_id", length = MAX_SUBJECT_ID)
	private String subjectId;

	@Column(length = MAX_DETAILS)
	private String details;

	@Column(name = "previous_hash", nullable = false, length = 64)
	private String previousHash;

	@Column(nullable = false, length = 64, unique = true)
	private String hash;

	protected AuditEntry() {
		// for JPA
	}

	/**
	 * The entry following {@code previousHash} at position {@code sequence}; computes its
	 * hash.
	 */
	public static AuditEntry chain(long sequence, String previousHash, Instant occurredAt, String actor, String action,
			String subjectType, String subjectId, String details) {
		AuditEntry entry = new AuditEntry();
		entry.sequence = sequence;
		entry.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
		entry.actor = Objects.requireNonNull(actor, "actor");
		entry.action = Objects.requireNonNull(action, "action");
		entry.subjectType = subjectType;
		entry.subjectId = subjectId;
		entry.details = details;
		entry.previousHash = Objects.requireNonNull(previousHash, "previousHash");
		entry.hash = entry.computeHash();
		return entry;
	}

	/**
	 * The hash this entry's fields and previous hash give; differs from
	 * {@link #getHash()} if a field was changed.
	 */
	public String computeHash() {
		return AuditHashes.hash(sequence, occurredAt, actor, action, subjectType, subjectId, details, previousHash);
	}

	public long getSequence() {
		return sequence;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public String getActor() {
		return actor;
	}

	public String getAction() {
		return action;
	}

	public String getSubjectType() {
		return subjectType;
	}

	public String getSubjectId() {
		return subjectId;
	}

	public String getDetails() {
		return details;
	}

	public String getPreviousHash() {
		return previousHash;
	}

	public String getHash() {
		return hash;
	}

	@Override
	public String toString() {
		return "AuditEntry[" + sequence + ", " + action + ", " + actor + "]";
	}

}
