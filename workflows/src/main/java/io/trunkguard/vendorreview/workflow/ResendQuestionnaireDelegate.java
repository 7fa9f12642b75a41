package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Re-sends the questionnaire with a new link and waits for it again. */
@Component("resendQuestionnaireDelegate")
class ResendQuestionnaireDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	ResendQuestionnaireDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CarrierReviewProcess.setQuestionnaireExpiresAt(execution,
				reviews.resendQuestionnaire(CarrierReviewProcess.reviewId(execution)));
	}

}
