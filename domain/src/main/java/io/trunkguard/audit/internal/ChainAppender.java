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
 * Writes the chain with plain JDBC, in two steps (issue 13, durable writes):
 * <ol>
 * <li>{@link #recordPending}: in the business transaction, the entries are inserted into
 * {@code audit_pending_entry} (migration 370), without any lock: they commit or roll back
 * with the business change.</li>
 * <li>{@link #chainPending}: after that commit, in a short transaction of its own, one
 * writer at a time (across threads and nodes) moves all pending entries, in id order,
 * into {@code audit_entry}: locks the chain head row (SELECT ... FOR UPDATE), inserts the
 * entries with their sequence numbers and hashes, deletes them from the pending table and
 * advances the head once; on PostgreSQL all of that in one call of the function
 * {@code audit_chain_pending} (migration 371), which also returns at once when the
 * caller's entries were already chained by another writer (group commit).</li>
 * </ol>
 * The head lock is held until the chaining transaction ends, so the chain never forks,
 * and a pending entry is deleted in the transaction that chains it, so none is chained
 * twice or lost. {@link #append} (the earlier design: chain inside the business
 * transaction) stays for the durability bench's reference.
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

	/** How many pending entries one chaining transaction moves at most. */
	static final int CHAIN_BATCH = 5_000;

	private static final String INSERT_PENDING = "insert into audit_pending_entry (occurred_at, actor, action, "
			+ "subject_type, subject_id, details, fields) values (?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_PENDING_POSTGRESQL = "insert into audit_pending_entry (occurred_at, actor, "
			+ "action, subject_type, subject_id, details, fields) "
			+ "select o::timestamptz, a, c, st, si, d, decode(f, 'hex') from unnest(?::text[], ?::text[], ?::text[], "
			+ "?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as u(o, a, c, st, si, d, f, n) order by n "
			+ "returning id";

	private static final String READ_PENDING = "select id, occurred_at, actor, action, subject_type, subject_id, details "
			+ "from audit_pending_entry order by id";

	private static final String DELETE_PENDING = "delete from audit_pending_entry where id = ?";

	/**
	 * Inserts the drafts (each with its occurredAt set) as pending entries, in order, in
	 * the connection's current transaction; returns their ids.
	 */
	static long[] recordPending(Connection connection, List<AuditEntryDraft> drafts) throws SQLException {
		if (drafts.isEmpty()) {
			return new long[0];
		}
		if (isPostgres(connection)) {
			return recordPendingInOneStatement(connection, drafts);
		}
		long[] ids = new long[drafts.size()];
		try (PreparedStatement insert = connection.prepareStatement(INSERT_PENDING, new String[] { "id" })) {
			int i = 0;
			for (AuditEntryDraft draft : drafts) {
				Instant at = draft.occurredAt().truncatedTo(ChronoUnit.MICROS);
				insert.setObject(1, at.atOffset(ZoneOffset.UTC));
				insert.setString(2, draft.actor());
				insert.setString(3, draft.action());
				insert.setString(4, draft.subjectType());
				insert.setString(5, draft.subjectId());
				insert.setString(6, draft.details());
				insert.setBytes(7, AuditHashes.encodedFields(at, draft.actor(), draft.action(), draft.subjectType(),
						draft.subjectId(), draft.details()));
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					ids[i++] = keys.getLong(1);
				}
			}
		}
		return ids;
	}

	private static long[] recordPendingInOneStatement(Connection connection, List<AuditEntryDraft> drafts)
			throws SQLException {
		String[][] columns = columns(drafts);
		long[] ids = new long[drafts.size()];
		try (PreparedStatement insert = connection.prepareStatement(INSERT_PENDING_POSTGRESQL)) {
			for (int c = 0; c < columns.length; c++) {
				insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
			}
			try (ResultSet rows = insert.executeQuery()) {
				int i = 0;
				while (rows.next()) {
					ids[i++] = rows.getLong(1);
				}
			}
		}
		return ids;
	}

	/**
	 * Chains pending entries in the connection's current transaction (the caller
	 * commits): all of them, in id order, unless {@code ids} is given and none of those
	 * is still pending (another writer chained them), in which case nothing is done.
	 * Returns how many entries were chained.
	 */
	static int chainPending(Connection connection, long[] ids) throws SQLException {
		if (isPostgres(connection)) {
			try (PreparedStatement call = connection.prepareStatement("select audit_chain_pending(?, ?)")) {
				if (ids == null) {
					call.setNull(1, java.sql.Types.ARRAY);
				}
				else {
					Long[] boxed = new Long[ids.length];
					for (int i = 0; i < ids.length; i++) {
						boxed[i] = ids[i];
					}
					call.setArray(1, connection.createArrayOf("bigint", boxed));
				}
				call.setInt(2, CHAIN_BATCH);
				try (ResultSet row = call.executeQuery()) {
					row.next();
					return row.getInt(1);
				}
			}
		}
		return chainStatementByStatement(connection);
	}

	/** H2 (and any other database): the same steps as the PostgreSQL function. */
	private static int chainStatementByStatement(Connection connection) throws SQLException {
		Head head = lockHead(connection);
		List<Long> ids = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		long sequence = head.sequence();
		String previousHash = head.hash();
		try (PreparedStatement read = connection.prepareStatement(READ_PENDING)) {
			read.setMaxRows(CHAIN_BATCH);
			try (ResultSet row = read.executeQuery()) {
				while (row.next()) {
					ids.add(row.getLong(1));
					AuditEntry entry = AuditEntry.chain(++sequence, previousHash,
							row.getObject(2, java.time.OffsetDateTime.class).toInstant(), row.getString(3),
							row.getString(4), row.getString(5), row.getString(6), row.getString(7));
					entries.add(entry);
					previousHash = entry.getHash();
				}
			}
		}
		if (entries.isEmpty()) {
			return 0;
		}
		insertEntries(connection, entries);
		H2PendingEntryTrigger.asChainer(() -> {
			try (PreparedStatement delete = connection.prepareStatement(DELETE_PENDING)) {
				for (long id : ids) {
					delete.setLong(1, id);
					delete.addBatch();
				}
				delete.executeBatch();
			}
		});
		advanceHead(connection, head, sequence, previousHash);
		return entries.size();
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
		String[][] columns = columns(drafts);
		try (PreparedStatement call = connection.prepareStatement("select audit_append(?, ?, ?, ?, ?, ?, ?)")) {
			for (int c = 0; c < columns.length; c++) {
				call.setArray(c + 1, connection.createArrayOf("text", columns[c]));
			}
			call.executeQuery().close();
		}
	}

	private static void appendStatementByStatement(Connection connection, List<AuditEntryDraft> drafts)
			throws SQLException {
		Head head = lockHead(connection);
		List<AuditEntry> entries = new ArrayList<>(drafts.size());
		long sequence = head.sequence();
		String previousHash = head.hash();
		for (AuditEntryDraft draft : drafts) {
			AuditEntry entry = AuditEntry.chain(++sequence, previousHash, draft.occurredAt(), draft.actor(),
					draft.action(), draft.subjectType(), draft.subjectId(), draft.details());
			entries.add(entry);
			previousHash = entry.getHash();
		}
		insertEntries(connection, entries);
		advanceHead(connection, head, sequence, previousHash);
	}

	private static Head lockHead(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD); ResultSet row = lock.executeQuery()) {
			if (!row.next()) {
				throw new IllegalStateException(
						"the audit chain head row is missing: the database was not migrated by Flyway");
			}
			return new Head(row.getLong(1), row.getString(2));
		}
	}

	private static void insertEntries(Connection connection, List<AuditEntry> entries) throws SQLException {
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
	}

	private static void advanceHead(Connection connection, Head head, long sequence, String hash) throws SQLException {
		try (PreparedStatement advance = connection.prepareStatement(ADVANCE_HEAD)) {
			advance.setLong(1, sequence);
			advance.setString(2, hash);
			advance.setLong(3, head.sequence());
			if (advance.executeUpdate() != 1) {
				throw new IllegalStateException(
						"the audit chain head moved while it was locked (head " + head.sequence() + ")");
			}
		}
	}

	private static boolean isPostgres(Connection connection) throws SQLException {
		return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
	}

	/**
	 * The drafts as columns of text: occurredAt, actor, action, subjectType, subjectId,
	 * details, fields (hex).
	 */
	private static String[][] columns(List<AuditEntryDraft> drafts) {
		int n = drafts.size();
		String[][] columns = new String[7][n];
		for (int i = 0; i < n; i++) {
			AuditEntryDraft draft = drafts.get(i);
			// what the entry will store and hash: occurredAt truncated to microseconds,
			// as AuditEntry.chain does
			Instant at = draft.occurredAt().truncatedTo(ChronoUnit.MICROS);
			columns[0][i] = at.toString();
			columns[1][i] = draft.actor();
			columns[2][i] = draft.action();
			columns[3][i] = draft.subjectType();
			columns[4][i] = draft.subjectId();
			columns[5][i] = draft.details();
			columns[6][i] = HexFormat.of()
				.formatHex(AuditHashes.encodedFields(at, draft.actor(), draft.action(), draft.subjectType(),
						draft.subjectId(), draft.details()));
		}
		return columns;
	}

}
