package io.trunkguard.vendor;

import java.time.LocalDate;
import java.util.Objects;

/** The period our own SOC 2 audit covers, which carriers' reports must cover. */
public record AuditPeriod(LocalDate from, LocalDate to) {

	public AuditPeriod {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the audit period ends before it starts");
		}
	}

	/** The calendar year of {@code day}. */
	public static AuditPeriod calendarYearOf(LocalDate day) {
		return new AuditPeriod(LocalDate.of(day.getYear(), 1, 1), LocalDate.of(day.getYear(), 12, 31));
	}

	@Override
	public String toString() {
		return from + " to " + to;
	}
}
