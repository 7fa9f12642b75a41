package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.testsupport.RemoteAddresses;

/**
 * Issue 13: the counts of refused requests without credentials were kept per node in
 * memory, so an attacker alternating the nodes behind a load balancer got one entry
 * written at once per node and per window, and a node's crash lost its counts. Two
 * {@link UnauthenticatedRefusals} on one database stand for two nodes here; the scenario
 * runs on H2 ({@code RefusalCountsIntegrationTest}) and on PostgreSQL
 * ({@code PostgresIntegrationTest}).
 */
public final class RefusalCountsOnTwoNodes {

	private static final String ACTION = "SCIM_REFUSED";

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	private final PlatformTransactionManager transactions;

	private final SettableClock clock = new SettableClock();

	public RefusalCountsOnTwoNodes(AuditTrail trail, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.trail = trail;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	private UnauthenticatedRefusals node() {
		return new UnauthenticatedRefusals(trail, jdbc, transactions, Duration.ofMinutes(1), 10_000, clock, false);
	}

	/**
	 * 40 refusals from one address sent at the same time to two nodes: one entry at once,
	 * one counted entry ({@code repeated: 39}) when the window ends, whichever nodes
	 * close it; the next refusal opens a new window.
	 */
	public void countsRepeatsSentToBothNodesOnce() throws Exception {
		List<UnauthenticatedRefusals> nodes = List.of(node(), node());
		String attacker = RemoteAddresses.fresh();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				UnauthenticatedRefusals node = nodes.get(i % 2);
				String example = "token ending " + (i % 3);
				sent.add(threads.submit(() -> node.record(ACTION, UnauthenticatedRefusals.ANONYMOUS, "ScimRequest",
						attacker, Map.of("reason", "wrong token"), example)));
			}
			for (Future<?> each : sent) {
				each.get();
			}
			assertThat(entries(attacker)).as("the first refusal, written at once by one of the nodes").hasSize(1);
			assertThat(entries(attacker).get(0)).contains("\"repeatsCountedFor\":\"PT1M\"");

			clock.advance(Duration.ofSeconds(61));
			Future<?> closedByA = threads.submit(() -> nodes.get(0).flush());
			Future<?> closedByB = threads.submit(() -> nodes.get(1).flush());
			closedByA.get();
			closedByB.get();
			nodes.get(1).flush();
			List<String> written = entries(attacker);
			assertThat(written).as("the count, written once though both nodes closed the window").hasSize(2);
			assertThat(written.get(1)).contains("\"repeated\":39")
				.contains("token ending 0")
				.contains("token ending 2");

			nodes.get(0)
				.record(ACTION, UnauthenticatedRefusals.ANONYMOUS, "ScimRequest", attacker,
						Map.of("reason", "wrong token"), "later");
			assertThat(entries(attacker)).as("a refusal after the window: the first of a new one").hasSize(3);
			nodes.get(1).flushAll();
			assertThat(entries(attacker)).as("nothing repeated in the new window, nothing to count").hasSize(3);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private List<String> entries(String address) {
		return jdbc.sql("select details from audit_entry where action = ? and details like ? order by sequence")
			.params(ACTION, "%\"" + address + "\"%")
			.query(String.class)
			.list();
	}

	private static final class SettableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
