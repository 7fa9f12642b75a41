package io.trunkguard.evidencepack;

import io.trunkguard.shared.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a pack is cut for: the SOC 2 criteria (in scope order), the period (whole days,
 * inclusive, UTC), who asks for it and, when it is cut for an audit, the audit's name.
 *
 * @param criteria some of {@link #CRITERIA}, in that order, no duplicates
 * @param from the first day of the period
 * @param to the last day of the period
 * @param requestedBy the login of the person (or client) exporting it: the actor of the
 * export's audit entry
 * @param auditName the audit the pack is for, or null for an ad-hoc period
 */
public record PackRequest(List<String> criteria, LocalDate from, LocalDate to, String requestedBy, String auditName) {

	/** The criteria in scope, in the order a pack lists them. */
	public static final List<String> CRITERIA = List.of("CC6.1", "CC6.7", "CC7.2", "CC9.2");

	/** The longest period a pack covers (a Type II period is 6 to 12 months). */
	public static final int MAX_DAYS = 800;

	public PackRequest {
		if (from == null || to == null) {
			throw new InvalidInputException("evidence-pack.period", "a pack needs a first and a last day",
					Map.of(from == null ? "from" : "to", "required"));
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("evidence-pack.period-reversed",
					"the period must not end (" + to + ") before it starts (" + from + ")",
					Map.of("to", "before the first day"));
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new InvalidInputException("evidence-pack.period-too-long",
					"a pack covers at most " + MAX_DAYS + " days; cut the period into parts",
					Map.of("to", "more than " + MAX_DAYS + " days after the first day"));
		}
		criteria = ordered(criteria);
		if (requestedBy == null || requestedBy.isBlank()) {
			throw new InvalidInputException("evidence-pack.requester", "a pack is exported by someone",
					Map.of("requestedBy", "required"));
		}
		auditName = auditName == null || auditName.isBlank() ? null : auditName.strip();
	}

	/**
	 * Parses the request's text as an API or a form sends it: criteria comma-separated
	 * (blank: all four), dates as ISO 8601 ({@code 2026-01-31}).
	 */
	public static PackRequest parse(String criteria, String from, String to, String requestedBy, String auditName) {
		return new PackRequest(criteria(criteria), date(from, "from"), date(to, "to"), requestedBy, auditName);
	}

	/** Criteria as a comma-separated list (blank: all four). */
	public static List<String> criteria(String text) {
		if (text == null || text.isBlank()) {
			return CRITERIA;
		}
		List<String> list = new ArrayList<>();
		for (String part : text.split(",")) {
			if (!part.isBlank()) {
				list.add(part.strip());
			}
		}
		return list;
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("evidence-pack.period",
					"'" + field + "' is required: an ISO date such as 2026-01-31", Map.of(field, "required"));
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("evidence-pack.period-invalid",
					"'" + field + "' must be an ISO date such as 2026-01-31, not '" + shortened(value) + "'",
					Map.of(field, "not an ISO date"));
		}
	}

	private static List<String> ordered(List<String> criteria) {
		if (criteria == null || criteria.isEmpty()) {
			return CRITERIA;
		}
		Set<String> asked = new LinkedHashSet<>();
		for (String criterion : criteria) {
			String code = criterion == null ? "" : criterion.strip().toUpperCase(java.util.Locale.ROOT);
			if (!CRITERIA.contains(code)) {
				throw new InvalidInputException(
						"evidence-pack.criterion", "'" + shortened(criterion)
								+ "' is not a criterion in scope: choose from " + String.join(", ", CRITERIA),
						Map.of("criteria", "unknown criterion"));
			}
			asked.add(code);
		}
		return CRITERIA.stream().filter(asked::contains).toList();
	}

	private static String shortened(String value) {
		String text = value == null ? "" : value.strip();
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	/**
	 * The file name a download gets, e.g.
	 * {@code evidence-pack_2026-01-01_2026-12-31.zip}.
	 */
	public String fileName() {
		return "evidence-pack_" + from + "_" + to + ".zip";
	}

}
