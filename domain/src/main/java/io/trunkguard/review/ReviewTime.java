package io.trunkguard.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the review module records them: to the microsecond, as databases keep them.
 */
final class ReviewTime {

	private ReviewTime() {
	}

	private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(java.time.ZoneOffset.UTC);

	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** An instant in a sentence: {@code 2026-12-27 23:59 UTC}. */
	static String describe(Instant instant) {
		return MINUTES.format(instant);
	}

}
