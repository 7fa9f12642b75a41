package io.trunkguard.audit.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trunkguard.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataAccessException;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAuditChainingIntegrationTest extends AuditChainingIntegrationTests {

	private HikariDataSource secondNode;

	@Autowired
	JpaAuditTrail auditTrail;

	@BeforeAll
	void openSecondNodePool() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(connection.getMetaData().getURL());
			config.setUsername(connection.getMetaData().getUserName());
			config.setMaximumPoolSize(2);
			config.setPoolName("second-node");
			secondNode = new HikariDataSource(config);
		}
	}

	@AfterAll
	void closeSecondNodePool() {
		secondNode.close();
	}

	@Override
	DataSource secondNode() {
		return secondNode;
	}

	/**
	 * The point of the design: a business transaction commits (its entries durable, as
	 * pending) while another writer holds the chain; before, it waited for the chain head
	 * inside the transaction and committed nothing until the holder let go.
	 */
	@Test
	void commitsTheBusinessTransactionWhileAnotherWriterHoldsTheChain() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection holder = secondNode.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.executeQuery("select last_sequence from audit_chain_head where id = 1 for update").close();
			}
			Future<?> business = pool.submit(() -> transaction
				.executeWithoutResult(status -> trail.record("lead", "EXPORT_CREATED", "Export", "held", null)));

			// committed (and durable) while the chain is held: visible to everybody else
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (pendingCount() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(pendingCount()).isEqualTo(1);
			assertThat(business).isNotDone();

			holder.rollback();
			business.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(pendingCount()).isZero();
		assertThat(jdbc.queryForObject("select subject_id from audit_entry where sequence = 1", String.class))
			.isEqualTo("held");
		assertThat(verifier.verify().intact()).isTrue();
	}

	/**
	 * Group commit: while another node holds the chain, this node's committing threads
	 * queue behind one chaining transaction, none of them returns before its entries are
	 * chained, and once the chain is free one more chaining transaction serves them all.
	 */
	@Test
	void chainsTheTransactionsThatCommitTogetherInOneChainingTransactionAndReturnsOnceChained() throws Exception {
		int threads = 6;
		ChainingGroup group = auditTrail.group();
		long transactionsBefore = group.transactions();
		long requestsBefore = group.requests();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try (Connection holder = secondNode.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.executeQuery("select last_sequence from audit_chain_head where id = 1 for update").close();
			}
			List<Future<?>> business = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String subject = "grouped-" + i;
				business.add(pool.submit(() -> transaction
					.executeWithoutResult(status -> trail.record("lead", "EXPORT_CREATED", "Export", subject, null))));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (group.requests() - requestsBefore < threads && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(group.requests() - requestsBefore).isEqualTo(threads);
			// all committed, none chained, none returned
			assertThat(pendingCount()).isEqualTo(threads);
			assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isZero();
			business.forEach(call -> assertThat(call).isNotDone());

			holder.rollback();
			for (Future<?> call : business) {
				call.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		// the one that was waiting for the chain, then at most one for all the others
		assertThat(group.transactions() - transactionsBefore).isBetween(1L, 2L);
		assertThat(pendingCount()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(threads);
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void databaseRefusesToTruncatePendingEntries() {
		assertThatThrownBy(() -> jdbc.execute("truncate audit_pending_entry")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
	}

}
