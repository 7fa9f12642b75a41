package io.trunkguard.control;

import java.time.LocalDate;
import java.util.List;

/**
 * A control's status over a period, computed from the records: what is expected, and
 * every gap (none: satisfied).
 */
public record ControlStatus(String code, String title, LocalDate from, LocalDate to, List<String> expectations,
		List<Gap> gaps) {

	public ControlStatus {
		expectations = List.copyOf(expectations);
		gaps = List.copyOf(gaps);
	}

	public ControlState state() {
		return gaps.isEmpty() ? ControlState.SATISFIED : ControlState.NOT_SATISFIED;
	}

}
