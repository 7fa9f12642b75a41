package io.trunkguard.control.web;

import io.trunkguard.control.ControlService;
import io.trunkguard.control.ControlStatus;
import io.trunkguard.control.Gap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The controls' status for a period, with their gaps, as JSON (read-only). */
@RestController
class ControlApi {

	record GapResponse(String where, String what, String text) {
	}

	record ControlStatusResponse(String code, String title, LocalDate from, LocalDate to, String state,
			List<String> expectations, List<GapResponse> gaps) {

		static ControlStatusResponse of(ControlStatus status) {
			return new ControlStatusResponse(status.code(), status.title(), status.from(), status.to(),
					status.state().name(), status.expectations(),
					status.gaps().stream().map(ControlStatusResponse::gap).toList());
		}

		private static GapResponse gap(Gap gap) {
			return new GapResponse(gap.where(), gap.what(), gap.describe());
		}
	}

	private final ControlService controls;

	private final Clock clock;

	ControlApi(ControlService controls, ObjectProvider<Clock> clock) {
		this.controls = controls;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/api/controls")
	List<ControlStatusResponse> statuses(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		ControlPeriod period = ControlPeriod.of(from, to, clock);
		return controls.statuses(period.from(), period.to()).stream().map(ControlStatusResponse::of).toList();
	}

}
