package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the review record PDF and stores it as CC9.2 evidence. */
@Component("writeRecordDelegate")
class WriteRecordDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	WriteRecordDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.writeRecord(CarrierReviewProcess.reviewId(execution));
	}

}
