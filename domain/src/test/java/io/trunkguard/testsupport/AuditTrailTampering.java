package io.trunkguard.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plays the attacker (or the careless DBA) against the audit trail tables with plain
 * JDBC, so tests can show that the verifier detects it. The append-only triggers are
 * bypassed the way someone with full SQL access would: on PostgreSQL with
 * {@code session_replication_role = replica} for the one statement's connection, on H2 by
 * dropping the triggers for the statement and creating them again.
 */
public final class AuditTrailTampering {

	private final DataSource dataSource;

	public AuditTrailTampering(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Overwrites one text column ({@code actor}, {@code action}, {@code details}, ...) of
	 * an entry.
	 */
	public void changeColumn(long sequence, String column, String value) {
		if (!column.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a column name: " + column);
		}
		execute("update audit_entry set " + column + " = ? where sequence = ?", value, sequence);
	}

	/** Deletes one entry. */
	public void deleteEntry(long sequence) {
		execute("delete from audit_entry where sequence = ?", sequence);
	}

	/** Moves an entry to another (free) sequence number. */
	public void renumber(long from, long to) {
		execute("update audit_entry set sequence = ? where sequence = ?", to, from);
	}

	/**
	 * Empties the trail and resets the chain head: a fresh, empty chain (for tests that
	 * need a known start).
	 */
	public void resetChain() {
		execute("delete from audit_pending_entry");
		execute("delete from audit_entry");
		execute("update audit_chain_head set last_sequence = 0, last_hash = ? where id = 1", "0".repeat(64));
	}

	private static final String H2_TRIGGER_CLASS = "io.trunkguard.audit.internal.H2AppendOnlyTrigger";

	private static final String H2_PENDING_TRIGGER_CLASS = "io.trunkguard.audit.internal.H2PendingEntryTrigger";

	private void execute(String sql, Object... parameters) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			boolean postgres = "PostgreSQL".equalsIgnoreCase(product);
			boolean h2 = "H2".equalsIgnoreCase(product);
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				if (postgres) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("set session_replication_role = replica");
					}
				}
				if (h2) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("drop trigger if exists audit_entry_append_only");
						statement.execute("drop trigger if exists audit_chain_head_no_delete");
						statement.execute("drop trigger if exists audit_pending_entry_guard");
					}
				}
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					for (int i = 0; i < parameters.length; i++) {
						statement.setObject(i + 1, parameters[i]);
					}
					statement.executeUpdate();
				}
			}
			finally {
				if (postgres) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("set session_replication_role = origin");
					}
				}
				if (h2) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("create trigger audit_entry_append_only before update, delete on audit_entry "
								+ "for each row call '" + H2_TRIGGER_CLASS + "'");
						statement.execute("create trigger audit_chain_head_no_delete before delete on audit_chain_head "
								+ "for each row call '" + H2_TRIGGER_CLASS + "'");
						statement.execute("create trigger audit_pending_entry_guard before update, delete on "
								+ "audit_pending_entry for each row call '" + H2_PENDING_TRIGGER_CLASS + "'");
					}
				}
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("tampering failed: " + sql, e);
		}
	}

}
