package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the reviews that are due soon or overdue. */
@Component("startDueReviewsDelegate")
class StartDueReviewsDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	StartDueReviewsDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.startDueReviews();
	}

}
