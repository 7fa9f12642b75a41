package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the DPA, BAA, contract, encryption clause and encryption status. */
@Component("checkDocumentsDelegate")
class CheckDocumentsDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	CheckDocumentsDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.checkDocuments(CarrierReviewProcess.reviewId(execution));
	}

}
