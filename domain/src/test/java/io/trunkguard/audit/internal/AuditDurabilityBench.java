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
import java.util.Map;
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
 * Issue 13, "durable writes": the audit chain's append under concurrent writers on a
 * PostgreSQL that writes durably ({@code fsync=on}, {@code synchronous_commit=on},
 * {@code full_page_writes=on}, as a production server runs) against the reference, the
 * embedded PostgreSQL of the tests (fsync, synchronous commit and full page writes off),
 * in the same run. Each transaction is what a review decision writes: one business row
 * and two audit entries appended to the chain under its head lock ({@link ChainAppender},
 * the {@code audit_append} function), then the commit. {@value #WRITERS} writers (the
 * issue's 50 reviewers), {@value #SECONDS} s per round, two rounds of each alternated.
 * Not part of the test suite (the name matches no Surefire pattern):
 * {@code ./mvnw -B -pl domain test -Dtest=AuditDurabilityBench -Dsurefire.failIfNoSpecifiedTests=false},
 * then
 * {@code grep BENCH domain/target/surefire-reports/*AuditDurabilityBench-output.txt}.
 */
class AuditDurabilityBench {

	static final int WRITERS = 50;

	static final int SECONDS = 10;

	record Round(String name, int transactions, double perSecond, double p50Millis, double p95Millis) {
	}

	@Test
	void appendsWithFsyncOnAgainstTheReference() throws Exception {
		try (EmbeddedPostgres reference = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
				EmbeddedPostgres durable = EmbeddedPostgres.builder()
					.setRegisterShutdownHook(false)
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on")
					.start()) {
			Map<String, DataSource> servers = Map.of("reference", migrated(reference), "durable", migrated(durable));
			assertThat(setting(servers.get("durable"), "fsync")).isEqualTo("on");
			assertThat(setting(servers.get("durable"), "synchronous_commit")).isEqualTo("on");
			assertThat(setting(servers.get("reference"), "fsync")).isEqualTo("off");

			List<Round> rounds = new ArrayList<>();
			for (String name : List.of("reference", "durable", "reference", "durable")) {
				Round round = run(name, servers.get(name));
				rounds.add(round);
				System.out.printf(
						"BENCH %-9s %,6d transactions in %d s: %,.0f/s (%,.0f audit entries/s), "
								+ "p50 %.1f ms, p95 %.1f ms%n",
						round.name(), round.transactions(), SECONDS, round.perSecond(), 2 * round.perSecond(),
						round.p50Millis(), round.p95Millis());
			}
			double reference2 = (rounds.get(0).perSecond() + rounds.get(2).perSecond()) / 2;
			double durable2 = (rounds.get(1).perSecond() + rounds.get(3).perSecond()) / 2;
			System.out.printf(
					"BENCH durable/reference throughput ratio %.2f (durable %,.0f/s, reference %,.0f/s; goal of issue 13: "
							+ "at least 200 decisions/s with 50 reviewers)%n",
					durable2 / reference2, durable2, reference2);
			for (DataSource server : servers.values()) {
				try (Connection connection = server.getConnection()) {
					assertThat(chainIntact(connection)).as("the chain of every server is intact").isTrue();
				}
			}
		}
	}

	private static DataSource migrated(EmbeddedPostgres server) throws Exception {
		DataSource dataSource = server.getPostgresDatabase();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").load().migrate();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(AuditAppendFunctionMigration.FUNCTION);
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
						ChainAppender.append(connection,
								List.of(new AuditEntryDraft(reviewer, "REVIEW_DECIDED", "ReviewItem", id.toString(),
										"{\"decision\":\"KEEP\"}", now),
										new AuditEntryDraft("system:review", "REVIEW_ITEM_PROGRESS", "ReviewItem",
												id.toString(), "{\"open\":1}", now)));
						connection.commit();
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
