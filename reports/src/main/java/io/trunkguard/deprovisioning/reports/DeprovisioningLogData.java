package io.trunkguard.deprovisioning.reports;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What a deprovisioning log shows: the period, its cases (the oldest HR event first), their figures, the SLA. */
record DeprovisioningLogData(DeprovisioningPeriod period, List<DeprovisioningCase> cases, DeprovisioningStatistics statistics,
		Duration defaultSla, Instant generatedAt) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

	static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	/** "3 h 05 min", "2 d 4 h", "45 s". */
	static String human(Duration duration) {
		if (duration == null) {
			return "";
		}
		long seconds = Math.abs(duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + " h " + String.format("%02d", minutes % 60) + " min";
		}
		return hours / 24 + " d " + hours % 24 + " h";
	}
}
