package io.trunkguard.deprovisioning;

import io.trunkguard.shared.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Map;

/**
 * A period of the deprovisioning log: the cases whose HR event falls on {@code from} to
 * {@code to} (both inclusive, UTC days). At most {@value #MAX_DAYS} days (an audit period
 * is 6 to 12 months).
 */
public record DeprovisioningPeriod(LocalDate from, LocalDate to) {

	public static final int MAX_DAYS = 800;

	public DeprovisioningPeriod {
		if (from == null || to == null) {
			throw new InvalidInputException("deprovisioning.period", "A period needs a first and a last day.",
					Map.of(from == null ? "from" : "to", "required"));
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("deprovisioning.period",
					"The period ends (" + to + ") before it starts (" + from + ").",
					Map.of("to", "must not be before the first day"));
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new InvalidInputException("deprovisioning.period", "A period is at most " + MAX_DAYS + " days.",
					Map.of("to", "at most " + MAX_DAYS + " days after the first day"));
		}
	}

	/** The quarter (UTC) that contains {@code day}. */
	public static DeprovisioningPeriod quarterOf(LocalDate day) {
		LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
		return new DeprovisioningPeriod(first, first.plusMonths(3).minusDays(1));
	}

	public Instant start() {
		return from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the period. */
	public Instant end() {
		return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	public boolean contains(Instant at) {
		return !at.isBefore(start()) && at.isBefore(end());
	}

	@Override
	public String toString() {
		return from + "_" + to;
	}
}
