package io.trunkguard.control;

import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureFinding;
import io.trunkguard.trace.CaptureService;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CC7.2: every high or critical anomaly finding of the period is followed up: a later
 * analysed capture of the same carrier (or of unattached traffic) no longer shows that
 * rule.
 */
@Component
class AnomaliesFollowedUp implements ControlCheck {

	private static final Set<String> SERIOUS = Set.of("HIGH", "CRITICAL");

	private final CaptureService traces;

	private final CaptureHistory captures;

	AnomaliesFollowedUp(CaptureService traces, CaptureHistory captures) {
		this.traces = traces;
		this.captures = captures;
	}

	@Override
	public String control() {
		return "CC7.2";
	}

	@Override
	public String expectation() {
		return "No high or critical anomaly finding without follow-up.";
	}

	@Override
	public List<Gap> gaps(AssessedPeriod period) {
		List<Capture> analysed = captures.analysed();
		List<Gap> gaps = new ArrayList<>();
		for (Capture capture : analysed) {
			if (!period.contains(CaptureHistory.takenAt(capture))) {
				continue;
			}
			List<Capture> later = CaptureHistory.later(analysed, capture);
			String day = CaptureHistory.takenAt(capture).atOffset(ZoneOffset.UTC).toLocalDate().toString();
			for (CaptureFinding finding : traces.findings(capture.getId())) {
				if (!SERIOUS.contains(finding.getSeverity()) || finding.getCriterion() == null
						|| !finding.getCriterion().contains("CC7.2")) {
					continue;
				}
				boolean followedUp = later.stream()
					.anyMatch(c -> traces.findings(c.getId())
						.stream()
						.noneMatch(f -> f.getRuleId().equals(finding.getRuleId())));
				if (!followedUp) {
					gaps.add(new Gap(capture.getFileName() + " (" + day + ")", finding.getRuleId() + " ("
							+ finding.getSeverity().toLowerCase(java.util.Locale.ROOT) + "), no follow-up"));
				}
			}
		}
		return gaps;
	}

}
