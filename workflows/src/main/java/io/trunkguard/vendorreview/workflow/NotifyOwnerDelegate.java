package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the carrier's owner that the review rejected it. */
@Component("notifyOwnerDelegate")
class NotifyOwnerDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	NotifyOwnerDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.notifyRejection(CarrierReviewProcess.reviewId(execution));
	}

}
