package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Schedules the next review by the carrier's risk tier and completes this one. */
@Component("scheduleNextReviewDelegate")
class ScheduleNextReviewDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	ScheduleNextReviewDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.complete(CarrierReviewProcess.reviewId(execution));
	}

}
