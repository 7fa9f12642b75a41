package io.trunkguard.control;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningOverview;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.SlaClock;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** CC6.1: every termination in the period deprovisioned within its SLA. */
@Component
class TerminationsWithinSla implements ControlCheck {

	private final DeprovisioningOverview overview;

	TerminationsWithinSla(DeprovisioningOverview overview) {
		this.overview = overview;
	}

	@Override
	public String control() {
		return "CC6.1";
	}

	@Override
	public String expectation() {
		return "Every termination deprovisioned within its SLA (default " + hours(overview.defaultSla()) + ").";
	}

	@Override
	public List<Gap> gaps(AssessedPeriod period) {
		Map<Object, SlaClock> open = overview.openCases()
			.stream()
			.collect(Collectors.toMap(c -> c.deprovisioningCase().getId(), c -> c));
		List<Gap> gaps = new ArrayList<>();
		for (DeprovisioningCase c : overview.casesOf(new DeprovisioningPeriod(period.from(), period.to()))) {
			String who = c.getUsername() != null ? c.getUsername() : "HR id " + c.getHrId();
			String day = c.getEffectiveAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
			if (c.isOpen()) {
				SlaClock clock = open.get(c.getId());
				if (clock != null && clock.left().isNegative()) {
					gaps.add(new Gap(who, "terminated " + day + ", access still not removed, SLA missed"));
				}
			}
			else if (Boolean.FALSE.equals(c.getSlaMet())) {
				gaps.add(new Gap(who,
						"terminated " + day + ", access removed after "
								+ c.timeToDeprovision().map(TerminationsWithinSla::hours).orElse("an unknown time")
								+ ", outside the SLA"));
			}
		}
		return gaps;
	}

	static String hours(Duration d) {
		long minutes = d.toMinutes();
		return minutes < 120 ? minutes + " min" : (minutes / 60) + " h";
	}

}
