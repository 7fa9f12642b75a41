package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The throttle's arithmetic with the default settings and a clock the test moves: backoff
 * after 3 failures, doubling; lockout after 10 for 15 minutes; per address after 30. The
 * counts are in the database (here an in-memory H2 with the throttle's migration), shared
 * by every node: two throttles on one database stand for two nodes.
 */
class LoginThrottleTest {

	private final MovableClock clock = new MovableClock();

	private final SecuritySettings.Abuse defaults = new SecuritySettings.Abuse(Duration.ofMinutes(1), 10_000, 3,
			Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 30, Duration.ofMinutes(15), 12);

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.addScript("db/migration/V150__login_failures.sql")
		.build();

	private final LoginThrottle throttle = node();

	private LoginThrottle node() {
		return new LoginThrottle(defaults, clock, JdbcClient.create(database),
				new DataSourceTransactionManager(database));
	}

	@AfterEach
	void dropDatabase() {
		database.shutdown();
	}

	/**
	 * Issue 13: the counts were per node, so guessing spread over the nodes behind a load
	 * balancer got each node's allowance.
	 */
	@Test
	void nodesOnOneDatabaseShareOneAllowance() {
		LoginThrottle otherNode = node();
		for (int i = 1; i < 10; i++) {
			LoginThrottle node = i % 2 == 0 ? throttle : otherNode;
			assertThat(node.failed("admin", "10.0.0." + i)).isEqualTo(LoginThrottle.Lockout.NONE);
			clock.advance(Duration.ofSeconds(31));
		}
		assertThat(otherNode.failed("admin", "10.0.0.10")).isEqualTo(LoginThrottle.Lockout.ACCOUNT);
		assertThat(throttle.waitBefore("admin", "10.0.0.99")).contains(Duration.ofMinutes(15));
		assertThat(otherNode.waitBefore("admin", "10.0.0.99")).contains(Duration.ofMinutes(15));
	}

	/**
	 * Failures counted at the same time on two nodes: each counted, the lockout said
	 * once.
	 */
	@Test
	void concurrentFailuresOnTwoNodesAreEachCountedAndLockOutOnce() throws Exception {
		List<LoginThrottle> nodes = List.of(throttle, node());
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<LoginThrottle.Lockout>> results = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			LoginThrottle node = nodes.get(i % 2);
			results.add(threads.submit(() -> node.failed("auditor", null)));
		}
		int lockouts = 0;
		for (Future<LoginThrottle.Lockout> result : results) {
			lockouts += result.get() == LoginThrottle.Lockout.ACCOUNT ? 1 : 0;
		}
		threads.shutdown();
		assertThat(lockouts).isOne();
		assertThat(JdbcClient.create(database)
			.sql("select failures from login_failure where kind = 'ACCOUNT' and throttle_key = 'auditor'")
			.query(Integer.class)
			.single()).isEqualTo(40);
	}

	@Test
	void letsTheFirstFailuresThroughThenMakesEachNextAttemptWaitLonger() {
		for (int i = 0; i < 2; i++) {
			assertThat(throttle.waitBefore("admin", "10.0.0.1")).isEmpty();
			throttle.failed("admin", "10.0.0.1");
		}
		assertThat(throttle.waitBefore("admin", "10.0.0.1")).isEmpty();
		throttle.failed("admin", "10.0.0.1");
		assertThat(throttle.waitBefore("admin", "10.0.0.1")).contains(Duration.ofSeconds(1));
		// from another address too: the account is throttled, not only the address
		assertThat(throttle.waitBefore("admin", "10.9.9.9")).isPresent();
		clock.advance(Duration.ofSeconds(1));
		throttle.failed("admin", "10.0.0.1");
		assertThat(throttle.waitBefore("ADMIN ", "10.9.9.9")).contains(Duration.ofSeconds(2));
	}

	@Test
	void locksTheAccountAfterTenFailuresForFifteenMinutesAndSaysSoOnce() {
		for (int i = 1; i < 10; i++) {
			assertThat(throttle.failed("reviewer", "10.0.0." + i)).isEqualTo(LoginThrottle.Lockout.NONE);
			clock.advance(Duration.ofSeconds(31));
		}
		assertThat(throttle.failed("reviewer", "10.0.0.10")).isEqualTo(LoginThrottle.Lockout.ACCOUNT);
		assertThat(throttle.waitBefore("reviewer", "10.0.0.99")).contains(Duration.ofMinutes(15));
		clock.advance(Duration.ofMinutes(14));
		assertThat(throttle.waitBefore("reviewer", "10.0.0.99")).isPresent();
		clock.advance(Duration.ofMinutes(1));
		assertThat(throttle.waitBefore("reviewer", "10.0.0.99")).isEmpty();
	}

	@Test
	void countsNamesThatDoNotExistLikeAnyOther() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("no-such-user", "10.0.0.1");
		}
		assertThat(throttle.waitBefore("no-such-user", "10.0.0.2")).isPresent();
	}

	@Test
	void locksAnAddressThatTriesManyNames() {
		LoginThrottle.Lockout last = LoginThrottle.Lockout.NONE;
		for (int i = 1; i <= 30; i++) {
			last = throttle.failed("name-" + i, "192.0.2.7");
			clock.advance(Duration.ofSeconds(31));
		}
		assertThat(last).isEqualTo(LoginThrottle.Lockout.ADDRESS);
		assertThat(throttle.waitBefore("name-never-tried", "192.0.2.7")).isPresent();
		assertThat(throttle.waitBefore("name-never-tried", "192.0.2.8")).isEmpty();
	}

	@Test
	void aSuccessfulLoginClearsTheAccountsCount() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("auditor", "10.0.0.1");
		}
		clock.advance(Duration.ofSeconds(2));
		throttle.succeeded("auditor");
		assertThat(throttle.waitBefore("auditor", "10.0.0.2")).isEmpty();
		assertThat(throttle.failed("auditor", "10.0.0.2")).isEqualTo(LoginThrottle.Lockout.NONE);
		assertThat(throttle.waitBefore("auditor", "10.0.0.2")).isEmpty();
	}

	@Test
	void forgetsOldFailures() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("admin", "10.0.0.1");
		}
		clock.advance(Duration.ofMinutes(16));
		throttle.failed("admin", "10.0.0.1");
		assertThat(throttle.waitBefore("admin", "10.0.0.1")).isEmpty();
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-07T02:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
