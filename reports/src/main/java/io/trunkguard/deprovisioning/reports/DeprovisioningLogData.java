package io.trunkguard.deprovisioning.reports;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a deprovisioning log shows: the period, its cases (the oldest HR event first),
 * their figures, the SLA.
 */
record DeprovisioningLogData(DeprovisioningPeriod period, List<DeprovisioningCase> cases,
		DeprovisioningStatistics statistics, Duration defaultSla, Instant generatedAt) {

	static String time(Instant at) {
		return io.trunkguard.reports.ReportTimes.time(at);
	}
}
