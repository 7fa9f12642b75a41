package io.trunkguard.change.web;

import io.trunkguard.shared.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The period a list covers: ISO dates, by default the last twelve months. */
record ChangePeriod(LocalDate from, LocalDate to) {

	static ChangePeriod parse(String from, String to, LocalDate today) {
		LocalDate end = date(to, "to", today);
		LocalDate start = date(from, "from", end.minusYears(1).plusDays(1));
		return new ChangePeriod(start, end);
	}

	private static LocalDate date(String text, String field, LocalDate fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("change.period", field + " is not a date: give it as YYYY-MM-DD.",
					Map.of(field, "Give the day as YYYY-MM-DD."));
		}
	}

}
