package io.trunkguard.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plays the attacker (or the careless DBA) against the audit trail tables with plain JDBC, so tests can show that
 * the verifier detects it. On PostgreSQL the append-only triggers are bypassed the way a superuser would, with
 * {@code session_replication_role = replica} for the one statement's connection.
 */
public final class AuditTrailTampering {

	private final DataSource dataSource;

	public AuditTrailTampering(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Overwrites one text column ({@code actor}, {@code action}, {@code details}, ...) of an entry. */
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

	/** Empties the trail and resets the chain head: a fresh, empty chain (for tests that need a known start). */
	public void resetChain() {
		execute("delete from audit_entry");
		execute("update audit_chain_head set last_sequence = 0, last_hash = ? where id = 1", "0".repeat(64));
	}

	private void execute(String sql, Object... parameters) {
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				if (postgres) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("set session_replication_role = replica");
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
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("tampering failed: " + sql, e);
		}
	}
}
