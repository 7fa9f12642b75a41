package io.trunkguard.control;

import org.springframework.stereotype.Component;

import java.util.List;

/** CC7.2: traffic captured and analysed for anomalies in every quarter. */
@Component
class CapturesAnalysedEachQuarter implements ControlCheck {

	private final CaptureHistory captures;

	CapturesAnalysedEachQuarter(CaptureHistory captures) {
		this.captures = captures;
	}

	@Override
	public String control() {
		return "CC7.2";
	}

	@Override
	public String expectation() {
		return "Traffic captured and analysed for anomalies (brute force, scanners, toll fraud) each quarter.";
	}

	@Override
	public List<Gap> gaps(AssessedPeriod period) {
		var analysed = captures.analysed();
		return period.quarters()
			.stream()
			.filter(q -> q.endedBy(period.today())
					&& analysed.stream().noneMatch(c -> q.contains(CaptureHistory.takenAt(c))))
			.map(q -> new Gap(q.name(), "no capture analysed for anomalies"))
			.toList();
	}

}
