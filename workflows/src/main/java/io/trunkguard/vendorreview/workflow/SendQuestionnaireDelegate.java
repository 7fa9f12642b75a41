package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the questionnaire to the carrier's first contact and keeps when its link expires.
 */
@Component("sendQuestionnaireDelegate")
class SendQuestionnaireDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	SendQuestionnaireDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var expiresAt = reviews.sendQuestionnaire(CarrierReviewProcess.reviewId(execution));
		CarrierReviewProcess.setQuestionnaireSent(execution, expiresAt.isPresent());
		expiresAt.ifPresent(at -> CarrierReviewProcess.setQuestionnaireExpiresAt(execution, at));
	}

}
