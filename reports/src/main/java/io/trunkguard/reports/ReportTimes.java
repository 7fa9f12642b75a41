package io.trunkguard.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one way evidence files write a moment: {@code 2026-03-01 14:05:09 UTC}. */
public final class ReportTimes {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private ReportTimes() {
	}

	/** The moment in UTC; empty for none. */
	public static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

}
