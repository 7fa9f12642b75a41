package io.trunkguard.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a control is assessed over (whole days, UTC), and the day it is assessed on:
 * nothing after {@code today} can be expected yet.
 */
record AssessedPeriod(LocalDate from, LocalDate to, LocalDate today) {

	/** The first instant of the period. */
	Instant start() {
		return from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	boolean contains(Instant instant) {
		return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
	}

	/**
	 * The calendar quarters the period touches, e.g. {@code 2026-Q2}, with their days.
	 */
	List<Quarter> quarters() {
		List<Quarter> quarters = new ArrayList<>();
		LocalDate first = from.withDayOfMonth(1).withMonth(((from.getMonthValue() - 1) / 3) * 3 + 1);
		for (LocalDate q = first; !q.isAfter(to); q = q.plusMonths(3)) {
			quarters.add(new Quarter(q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1), q,
					q.plusMonths(3).minusDays(1)));
		}
		return quarters;
	}

	/** A calendar quarter. */
	record Quarter(String name, LocalDate first, LocalDate last) {

		/**
		 * Whether the quarter has ended by {@code today} (only then is its evidence due).
		 */
		boolean endedBy(LocalDate today) {
			return last.isBefore(today);
		}

		boolean contains(Instant instant) {
			if (instant == null) {
				return false;
			}
			LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
			return !day.isBefore(first) && !day.isAfter(last);
		}

	}

}
