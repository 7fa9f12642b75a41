package io.trunkguard.control;

import io.trunkguard.vendorreview.BoardRow;
import io.trunkguard.vendorreview.BoardState;
import io.trunkguard.vendorreview.CarrierReviewService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * CC9.2: every carrier reviewed within its cadence: a review falling due on or before the
 * end of the period (or today, if earlier) and not yet decided is a gap.
 */
@Component
class CarrierReviewsWithinCadence implements ControlCheck {

	private final CarrierReviewService reviews;

	CarrierReviewsWithinCadence(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public String control() {
		return "CC9.2";
	}

	@Override
	public String expectation() {
		return "Every carrier reviewed within its cadence (SOC 2 report, questionnaire, DPA, encryption clause).";
	}

	@Override
	public List<Gap> gaps(AssessedPeriod period) {
		LocalDate cutOff = period.to().isBefore(period.today()) ? period.to() : period.today();
		return reviews.board()
			.stream()
			.filter(row -> row.state() != BoardState.UP_TO_DATE && row.state() != BoardState.DUE_SOON
					&& row.dueOn() != null && row.dueOn().isBefore(cutOff))
			.map(CarrierReviewsWithinCadence::gap)
			.toList();
	}

	private static Gap gap(BoardRow row) {
		return new Gap(row.name(), "review overdue since " + row.dueOn());
	}

}
