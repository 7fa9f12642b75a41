package io.trunkguard.audit.internal;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 counterpart of the PostgreSQL triggers: refuses the row changes it is attached
 * to (UPDATE and DELETE on {@code audit_entry}, DELETE on {@code audit_chain_head}).
 * Instantiated by H2 itself, hence public.
 */
public class H2AppendOnlyTrigger implements Trigger {

	private String table;

	@Override
	public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
			int type) {
		this.table = tableName;
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		String operation = newRow == null ? "DELETE" : "UPDATE";
		throw new SQLException("the audit trail is append-only: " + operation + " on " + table + " refused", "42501");
	}

}
