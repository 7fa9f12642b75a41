package io.trunkguard.deprovisioning.reports;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a deprovisioning log shows: the period, its cases (the oldest HR event first),
 * their figures, the SLA.
 */
record DeprovisioningLogData(DeprovisioningPeriod period, List<DeprovisioningCase> cases,
		DeprovisioningStatistics statistics, Duration defaultSla, Instant generatedAt) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}
}
