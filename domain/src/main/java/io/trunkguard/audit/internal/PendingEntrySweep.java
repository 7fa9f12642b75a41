package io.trunkguard.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.trunkguard.shared.PeriodicWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Every {@code trunkguard.audit.sweep-interval} (default 10 s), on a thread of its own,
 * chains the audit entries left pending: those of a node that died between its business
 * commit and the chaining, or whose chaining failed. Normally there are none (each
 * committing thread chains its own entries at once), so a sweep is one query that finds
 * nothing. Safe beside the committing threads and other nodes: chainers take turns on the
 * chain (see {@link ChainAppender}). Off with
 * {@code trunkguard.audit.sweep-enabled=false} (the audit verify command sets it: a
 * verifier only reads).
 */
@Component
class PendingEntrySweep extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(PendingEntrySweep.class);

	private final DataSource dataSource;

	private final Duration interval;

	PendingEntrySweep(DataSource dataSource, @Value("${trunkguard.audit.sweep-interval:PT10S}") Duration interval,
			@Value("${trunkguard.audit.sweep-enabled:true}") boolean enabled) {
		// the first sweep at start: entries a crash left pending are chained before new
		// work
		super("trunkguard-audit-sweep", enabled, Duration.ZERO, interval);
		this.dataSource = dataSource;
		this.interval = interval;
	}

	/** Chains every pending entry now; returns how many were chained. */
	int sweep() {
		try (Connection connection = dataSource.getConnection()) {
			int[] chained = { 0 };
			JpaAuditTrail.inOwnTransaction(connection, () -> {
				int batch;
				do {
					batch = ChainAppender.chainPending(connection, null);
					connection.commit();
					chained[0] += batch;
				}
				while (batch == ChainAppender.CHAIN_BATCH);
			});
			return chained[0];
		}
		catch (SQLException ex) {
			throw new IllegalStateException("chaining the pending audit entries failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	protected void runOnce() {
		try {
			int chained = sweep();
			if (chained > 0) {
				log.info("Chained {} audit entries left pending (a node stopped, or a chaining failed, after their "
						+ "transaction committed)", chained);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit sweep failed, retried in {}: {}", interval, ex.getMessage());
		}
	}

}
