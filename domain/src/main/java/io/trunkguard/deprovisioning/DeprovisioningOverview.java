package io.trunkguard.deprovisioning;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the compliance lead watches: open cases with their SLA clock (overdue first, the
 * most overdue on top, then the least time left), and the cases of a period with their
 * figures.
 */
@Service
@Transactional(readOnly = true)
public class DeprovisioningOverview {

	private final DeprovisioningService deprovisioning;

	private final DeprovisioningCases cases;

	private final DeprovisioningProperties properties;

	private final Clock clock;

	DeprovisioningOverview(DeprovisioningService deprovisioning, DeprovisioningCases cases,
			DeprovisioningProperties properties, ObjectProvider<Clock> clock) {
		this.deprovisioning = deprovisioning;
		this.cases = cases;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The SLA of a removal where no per-system SLA is set. */
	public Duration defaultSla() {
		return properties.defaultSla();
	}

	public List<SlaClock> openCases() {
		Instant now = clock.instant();
		List<DeprovisioningCase> open = deprovisioning.openCases();
		var removals = deprovisioning.grantsToRemove(open);
		return open.stream().map(c -> {
			Instant due = removals.getOrDefault(c.getId(), List.of())
				.stream()
				.map(GrantRemoval::slaDueAt)
				.min(Comparator.naturalOrder())
				.orElse(c.slaStartsAt().plus(properties.defaultSla()));
			return new SlaClock(c, due, Duration.between(now, due));
		}).sorted(Comparator.comparing(SlaClock::left)).toList();
	}

	/**
	 * Every case whose HR event falls in the period, open or completed, the oldest first.
	 */
	public List<DeprovisioningCase> casesOf(DeprovisioningPeriod period) {
		return cases.findByEffectiveAtGreaterThanEqualAndEffectiveAtLessThanOrderByEffectiveAtAsc(period.start(),
				period.end());
	}

	/** The completed cases of the period, the most recently completed first. */
	public List<DeprovisioningCase> closedCasesOf(DeprovisioningPeriod period) {
		return casesOf(period).stream()
			.filter(c -> !c.isOpen())
			.sorted(Comparator.comparing(DeprovisioningCase::getCompletedAt).reversed())
			.toList();
	}

	public DeprovisioningStatistics statisticsOf(DeprovisioningPeriod period) {
		return DeprovisioningStatistics.of(casesOf(period));
	}

}
