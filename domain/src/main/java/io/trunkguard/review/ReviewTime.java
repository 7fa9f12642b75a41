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

	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
