package io.trunkguard.securityevent;

import java.time.Instant;

/**
 * Where one destination stands: events delivered, events waiting, and the last failure.
 *
 * @param destination the destination's name
 * @param delivered events delivered so far
 * @param waiting events not delivered yet
 * @param failures failed attempts in a row (0 when the last attempt succeeded)
 * @param nextAttemptAt when the next attempt is due after a failure, or null
 * @param lastError what the last failed attempt said, or null
 * @param lastDeliveredAt when events were last delivered, or null
 */
public record SiemDeliveryStatus(String destination, long delivered, long waiting, int failures, Instant nextAttemptAt,
		String lastError, Instant lastDeliveredAt) {

	/** A sentence for the page. */
	public String sentence() {
		if (failures == 0) {
			return waiting == 0 ? "Up to date: %d events delivered.".formatted(delivered)
					: "%d events delivered, %d waiting to be sent.".formatted(delivered, waiting);
		}
		return "%d attempts in a row failed; %d events wait and are retried at %s. Last error: %s".formatted(failures,
				waiting, nextAttemptAt, lastError);
	}

}
