package io.trunkguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.trunkguard.audit.AuditEntryDraft;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 13, "durable writes": the audit chain under concurrent writers on a PostgreSQL
 * that writes durably ({@code fsync=on}, {@code synchronous_commit=on},
 * {@code full_page_writes=on}, as a production server runs), the two designs alternated
 * in the same run, so they share the machine's load:
 * <ul>
 * <li>{@code in-tx}, the design before: each transaction (what a review decision writes:
 * one business row and two audit entries) appends its entries to the chain under the head
 * lock ({@code audit_append}, migration 70) and commits, holding the lock through its WAL
 * flush;</li>
 * <li>{@code after-commit}, the design now: the transaction inserts its entries as
 * pending (no lock) and commits; then, on the same connection, a short transaction chains
 * all pending entries ({@code audit_chain_pending}, migration 371) unless another writer
 * already has.</li>
 * </ul>
 * {@value #WRITERS} writers (the issue's 50 reviewers), {@value #SECONDS} s per round,
 * two rounds of each. Not part of the test suite (the name matches no Surefire pattern):
 * {@code ./mvnw -B -pl domain -am test -Dtest=AuditDurabilityBench -Dsurefire.failIfNoSpecifiedTests=false},
 * then
 * {@code grep BENCH domain/target/surefire-reports/*AuditDurabilityBench-output.txt}.
 */
class AuditDurabilityBench {

	static final int WRITERS = 50;

	static final int SECONDS = 10;

	record Round(String name, int transactions, double perSecond, double p50Millis, double p95Millis) {
	}

	@Test
	void chainsAfterCommitAgainstInTransactionWithFsyncOn() throws Exception {
		try (EmbeddedPostgres durable = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start()) {
			DataSource server = migrated(durable);
			assertThat(setting(server, "fsync")).isEqualTo("on");
			assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
			System.out.println("BENCH load " + load());

			List<Round> rounds = new ArrayList<>();
			for (String name : List.of("in-tx", "after-commit", "in-tx", "after-commit")) {
				Round round = run(name, server);
				rounds.add(round);
				System.out.printf(
						"BENCH %-12s %,6d transactions in %d s: %,.0f/s (%,.0f audit entries/s), "
								+ "p50 %.1f ms, p95 %.1f ms; load %s%n",
						round.name(), round.transactions(), SECONDS, round.perSecond(), 2 * round.perSecond(),
						round.p50Millis(), round.p95Millis(), load());
			}
			double before = (rounds.get(0).perSecond() + rounds.get(2).perSecond()) / 2;
			double after = (rounds.get(1).perSecond() + rounds.get(3).perSecond()) / 2;
			System.out.printf("BENCH after-commit/in-tx throughput ratio %.2f (after-commit %,.0f/s, in-tx %,.0f/s)%n",
					after / before, after, before);
			try (Connection connection = server.getConnection()) {
				assertThat(chainIntact(connection)).as("the chain is intact").isTrue();
				try (Statement statement = connection.createStatement();
						ResultSet pending = statement.executeQuery("select count(*) from audit_pending_entry")) {
					pending.next();
					assertThat(pending.getLong(1)).as("nothing left pending").isZero();
				}
			}
		}
	}

	private static String load() throws Exception {
		return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
	}

	private static DataSource migrated(EmbeddedPostgres server) throws Exception {
		DataSource dataSource = server.getPostgresDatabase();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").load().migrate();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(AuditAppendFunctionMigration.FUNCTION);
			try (var v370 = AuditDurabilityBench.class
				.getResourceAsStream("/db/migration/V370__audit_pending_entries.sql")) {
				statement.execute(new String(v370.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
			// the chainer function and the pending table's row guard (not the truncate
			// trigger, which needs migration 2)
			statement.execute(AuditPendingChainMigration.POSTGRESQL[0]);
			statement.execute(AuditPendingChainMigration.POSTGRESQL[1]);
			statement.execute(AuditPendingChainMigration.POSTGRESQL[2]);
			statement.execute("create table bench_decision (id uuid primary key, decided_by text, note text)");
		}
		return dataSource;
	}

	private static Round run(String name, DataSource server) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<List<Long>>> results = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			String reviewer = "reviewer-" + w;
			results.add(writers.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				try (Connection connection = server.getConnection()) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						long t0 = System.nanoTime();
						UUID id = UUID.randomUUID();
						try (PreparedStatement insert = connection
							.prepareStatement("insert into bench_decision (id, decided_by, note) values (?, ?, ?)")) {
							insert.setObject(1, id);
							insert.setString(2, reviewer);
							insert.setString(3, "keep: still on the NOC rota");
							insert.executeUpdate();
						}
						Instant now = Instant.now();
						List<AuditEntryDraft> drafts = List.of(
								new AuditEntryDraft(reviewer, "REVIEW_DECIDED", "ReviewItem", id.toString(),
										"{\"decision\":\"KEEP\"}", now),
								new AuditEntryDraft("system:review", "REVIEW_ITEM_PROGRESS", "ReviewItem",
										id.toString(), "{\"open\":1}", now));
						if (name.equals("in-tx")) {
							ChainAppender.append(connection, drafts);
							connection.commit();
						}
						else {
							long[] ids = ChainAppender.recordPending(connection, drafts);
							connection.commit();
							JpaAuditTrail.chainUntilDone(connection, ids);
						}
						latencies.add(System.nanoTime() - t0);
					}
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		writers.shutdown();
		Collections.sort(all);
		return new Round(name, all.size(), all.size() / (double) SECONDS, all.get(all.size() / 2) / 1e6,
				all.get((int) (all.size() * 0.95)) / 1e6);
	}

	/**
	 * Recomputes the chain's links in SQL order: each entry's previous hash is the one
	 * before's hash.
	 */
	private static boolean chainIntact(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select sequence, previous_hash, hash from audit_entry order by sequence")) {
			String previous = io.trunkguard.audit.AuditHashes.GENESIS;
			long expected = 1;
			while (rows.next()) {
				if (rows.getLong(1) != expected++ || !rows.getString(2).equals(previous)) {
					return false;
				}
				previous = rows.getString(3);
			}
			return expected > 1;
		}
	}

	private static String setting(DataSource server, String name) throws Exception {
		try (Connection connection = server.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("show " + name)) {
			row.next();
			return row.getString(1);
		}
	}

}
