package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Notes on the review that its questionnaire expired unanswered. */
@Component("noteQuestionnaireExpiredDelegate")
class NoteQuestionnaireExpiredDelegate implements JavaDelegate {

	private final CarrierReviewService reviews;

	NoteQuestionnaireExpiredDelegate(CarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.noteQuestionnaireExpired(CarrierReviewProcess.reviewId(execution));
	}

}
