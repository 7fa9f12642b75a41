package io.trunkguard.control.web;

import io.trunkguard.shared.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The period of a controls request: ISO dates {@code from} and {@code to} (inclusive);
 * unset, the current calendar year up to today.
 */
record ControlPeriod(LocalDate from, LocalDate to) {

	static ControlPeriod of(String from, String to, Clock clock) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate start = parse(from, "from", today.withDayOfYear(1));
		LocalDate end = parse(to, "to", today);
		if (end.isBefore(start)) {
			throw new InvalidInputException("control.period-reversed",
					"the period must not end (" + end + ") before it starts (" + start + ")",
					Map.of("to", "before from"));
		}
		return new ControlPeriod(start, end);
	}

	private static LocalDate parse(String value, String name, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("control.period-invalid",
					"'" + name + "' must be an ISO date such as 2026-01-31", Map.of(name, "not an ISO date"));
		}
	}

}
