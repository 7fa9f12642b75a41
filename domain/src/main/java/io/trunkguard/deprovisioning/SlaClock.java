package io.trunkguard.deprovisioning;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of an open case: the earliest SLA due time of the access still to remove
 * (the default SLA from the HR event when nothing is left but the verification), and the
 * time left until then (negative: overdue by).
 */
public record SlaClock(DeprovisioningCase deprovisioningCase, Instant slaDueAt, Duration left) {

	public boolean overdue() {
		return left.isNegative();
	}

	/** How far past the due time, zero if not overdue. */
	public Duration overdueBy() {
		return overdue() ? left.negated() : Duration.ZERO;
	}
}
