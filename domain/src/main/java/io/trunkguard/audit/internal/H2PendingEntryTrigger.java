package io.trunkguard.audit.internal;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 counterpart of the PostgreSQL guard on {@code audit_pending_entry}: refuses
 * UPDATE, and DELETE unless the chainer is deleting the entries it has just chained, on
 * this thread (H2 embedded fires triggers on the caller's thread). Instantiated by H2
 * itself, hence public.
 */
public class H2PendingEntryTrigger implements Trigger {

	private static final ThreadLocal<Boolean> CHAINING = ThreadLocal.withInitial(() -> false);

	/** Runs the given deletion as the chainer. */
	static void asChainer(SqlWork work) throws SQLException {
		CHAINING.set(true);
		try {
			work.run();
		}
		finally {
			CHAINING.remove();
		}
	}

	@FunctionalInterface
	interface SqlWork {

		void run() throws SQLException;

	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		if (newRow == null && CHAINING.get()) {
			return;
		}
		String operation = newRow == null ? "DELETE" : "UPDATE";
		throw new SQLException("audit entries waiting to be chained can only be inserted: " + operation
				+ " on AUDIT_PENDING_ENTRY refused", "42501");
	}

}
