package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The throttle's arithmetic with the default settings and a clock the test moves: backoff
 * after 3 failures, doubling; lockout after 10 for 15 minutes; per address after 30.
 */
class LoginThrottleTest {

	private final MovableClock clock = new MovableClock();

	private final SecuritySettings.Abuse defaults = new SecuritySettings.Abuse(Duration.ofMinutes(1), 10_000, 3,
			Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 30, Duration.ofMinutes(15), 12);

	private final LoginThrottle throttle = new LoginThrottle(defaults, clock);

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
