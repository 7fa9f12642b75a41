package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditEntryDraft;
import io.trunkguard.audit.AuditHashes;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Appends entries to the chain on the connection of the current transaction, with plain
 * JDBC: locks the chain head row (SELECT ... FOR UPDATE), inserts the entries in one
 * batch and advances the head once; on PostgreSQL all of that in one call of the function
 * {@code audit_append} (migration 70). The lock is held until the transaction ends, so
 * appends from concurrent transactions (threads or nodes) follow one another and the
 * chain never forks.
 */
final class ChainAppender {

	record Head(long sequence, String hash) {
	}

	private static final String LOCK_HEAD = "select last_sequence, last_hash from audit_chain_head where id = "
			+ AuditChainHead.ID + " for update";

	private static final String READ_HEAD = "select last_sequence, last_hash from audit_chain_head where id = "
			+ AuditChainHead.ID;

	private static final String INSERT = "insert into audit_entry (sequence, occurred_at, actor, action, subject_type, subject_id, "
			+ "details, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String ADVANCE_HEAD = "update audit_chain_head set last_sequence = ?, last_hash = ? where id = "
			+ AuditChainHead.ID + " and last_sequence = ?";

	/** Appends the drafts (each with its occurredAt set), in order. */
	void append(EntityManager entityManager, List<AuditEntryDraft> drafts) {
		entityManager.unwrap(Session.class).doWork(connection -> append(connection, drafts));
	}

	/**
	 * The head as committed (or as written by the current transaction); genesis if the
	 * head row is missing.
	 */
	Head head(EntityManager entityManager) {
		return entityManager.unwrap(Session.class).doReturningWork(connection -> {
			try (PreparedStatement select = connection.prepareStatement(READ_HEAD);
					ResultSet row = select.executeQuery()) {
				return row.next() ? new Head(row.getLong(1), row.getString(2)) : new Head(0, AuditHashes.GENESIS);
			}
		});
	}

	/**
	 * Appends on a plain connection inside its current transaction (for the durability
	 * bench, which measures the append without JPA).
	 */
	static void append(Connection connection, List<AuditEntryDraft> drafts) throws SQLException {
		if ("PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
			appendInOneCall(connection, drafts);
		}
		else {
			appendStatementByStatement(connection, drafts);
		}
	}

	/**
	 * PostgreSQL: the function of migration 70 locks, hashes, inserts and advances in one
	 * round trip.
	 */
	private static void appendInOneCall(Connection connection, List<AuditEntryDraft> drafts) throws SQLException {
		int n = drafts.size();
		String[] occurredAt = new String[n];
		String[] actor = new String[n];
		String[] action = new String[n];
		String[] subjectType = new String[n];
		String[] subjectId = new String[n];
		String[] details = new String[n];
		String[] fields = new String[n];
		for (int i = 0; i < n; i++) {
			AuditEntryDraft draft = drafts.get(i);
			// what the entry will store and hash: occurredAt truncated to microseconds,
			// as AuditEntry.chain does
			Instant at = draft.occurredAt().truncatedTo(ChronoUnit.MICROS);
			occurredAt[i] = at.toString();
			actor[i] = draft.actor();
			action[i] = draft.action();
			subjectType[i] = draft.subjectType();
			subjectId[i] = draft.subjectId();
			details[i] = draft.details();
			fields[i] = HexFormat.of()
				.formatHex(AuditHashes.encodedFields(at, draft.actor(), draft.action(), draft.subjectType(),
						draft.subjectId(), draft.details()));
		}
		try (PreparedStatement call = connection.prepareStatement("select audit_append(?, ?, ?, ?, ?, ?, ?)")) {
			String[][] columns = { occurredAt, actor, action, subjectType, subjectId, details, fields };
			for (int c = 0; c < columns.length; c++) {
				call.setArray(c + 1, connection.createArrayOf("text", columns[c]));
			}
			call.executeQuery().close();
		}
	}

	private static void appendStatementByStatement(Connection connection, List<AuditEntryDraft> drafts)
			throws SQLException {
		Head head;
		try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD); ResultSet row = lock.executeQuery()) {
			if (!row.next()) {
				throw new IllegalStateException(
						"the audit chain head row is missing: the database was not migrated by Flyway");
			}
			head = new Head(row.getLong(1), row.getString(2));
		}
		List<AuditEntry> entries = new ArrayList<>(drafts.size());
		long sequence = head.sequence();
		String previousHash = head.hash();
		for (AuditEntryDraft draft : drafts) {
			AuditEntry entry = AuditEntry.chain(++sequence, previousHash, draft.occurredAt(), draft.actor(),
					draft.action(), draft.subjectType(), draft.subjectId(), draft.details());
			entries.add(entry);
			previousHash = entry.getHash();
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (AuditEntry entry : entries) {
				insert.setLong(1, entry.getSequence());
				insert.setObject(2, entry.getOccurredAt().atOffset(ZoneOffset.UTC));
				insert.setString(3, entry.getActor());
				insert.setString(4, entry.getAction());
				insert.setString(5, entry.getSubjectType());
				insert.setString(6, entry.getSubjectId());
				insert.setString(7, entry.getDetails());
				insert.setString(8, entry.getPreviousHash());
				insert.setString(9, entry.getHash());
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (PreparedStatement advance = connection.prepareStatement(ADVANCE_HEAD)) {
			advance.setLong(1, sequence);
			advance.setString(2, previousHash);
			advance.setLong(3, head.sequence());
			if (advance.executeUpdate() != 1) {
				throw new IllegalStateException(
						"the audit chain head moved while it was locked (head " + head.sequence() + ")");
			}
		}
	}

}
