package io.trunkguard.deprovisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The figures of a deprovisioning log: how many cases, how long from HR event to last
 * access removed (median and 95th percentile, nearest-rank), what share met every SLA,
 * and the cases that missed one.
 *
 * @param slaMetPercent share of completed cases that met every SLA, empty without
 * completed cases
 */
public record DeprovisioningStatistics(int cases, int completed, int open, int slaMet, int slaMissed,
		Optional<Duration> median, Optional<Duration> p95, Optional<Duration> longest, Optional<Double> slaMetPercent,
		List<DeprovisioningCase> misses) {

	public static DeprovisioningStatistics of(List<DeprovisioningCase> cases) {
		List<DeprovisioningCase> done = cases.stream().filter(c -> !c.isOpen()).toList();
		List<Duration> times = new ArrayList<>(
				done.stream().map(c -> c.timeToDeprovision().orElseThrow()).sorted().toList());
		List<DeprovisioningCase> misses = done.stream()
			.filter(c -> Boolean.FALSE.equals(c.getSlaMet()))
			.sorted(Comparator.comparing(DeprovisioningCase::getEffectiveAt))
			.toList();
		int met = done.size() - misses.size();
		return new DeprovisioningStatistics(cases.size(), done.size(), cases.size() - done.size(), met, misses.size(),
				percentile(times, 50), percentile(times, 95),
				times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1)),
				done.isEmpty() ? Optional.empty() : Optional.of(met * 100.0 / done.size()), misses);
	}

	/** Nearest-rank percentile of sorted values. */
	static Optional<Duration> percentile(List<Duration> sorted, int percent) {
		if (sorted.isEmpty()) {
			return Optional.empty();
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return Optional.of(sorted.get(Math.max(0, rank - 1)));
	}
}
