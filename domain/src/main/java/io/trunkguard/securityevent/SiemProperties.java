package io.trunkguard.securityevent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How security events are derived and forwarded ({@code trunkguard.siem.*}); the
 * destinations themselves are configured under {@code trunkguard.siem.syslog.*} and
 * {@code trunkguard.siem.hec.*}.
 *
 * @param interval how often new audit trail entries are read and due events are sent
 * @param firstRetryAfter the wait after a destination's first failed attempt; doubled
 * after each further one
 * @param maxRetryAfter the longest wait between attempts
 * @param batchSize the most events sent to a destination in one attempt
 */
@ConfigurationProperties("trunkguard.siem")
public record SiemProperties(@DefaultValue("2s") Duration interval, @DefaultValue("1s") Duration firstRetryAfter,
		@DefaultValue("5m") Duration maxRetryAfter, @DefaultValue("100") int batchSize) {

	public SiemProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("trunkguard.siem.interval must be positive, not " + interval);
		}
		if (firstRetryAfter.isNegative() || maxRetryAfter.compareTo(firstRetryAfter) < 0) {
			throw new IllegalArgumentException(
					"trunkguard.siem.first-retry-after must be positive and at most trunkguard.siem.max-retry-after");
		}
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException(
					"trunkguard.siem.batch-size must be between 1 and 10000, not " + batchSize);
		}
	}

	/** The wait after {@code failures} failed attempts in a row. */
	Duration retryAfter(int failures) {
		Duration wait = firstRetryAfter;
		for (int i = 1; i < failures && wait.compareTo(maxRetryAfter) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
	}

}
