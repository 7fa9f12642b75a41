package io.trunkguard.vendorreview;

import io.trunkguard.questionnaire.QuestionnaireEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a review past its questionnaire step when the contact submits, in the same
 * transaction.
 */
@Component
class QuestionnaireSubmissions {

	private final DefaultCarrierReviewService reviews;

	QuestionnaireSubmissions(DefaultCarrierReviewService reviews) {
		this.reviews = reviews;
	}

	@EventListener
	void on(QuestionnaireEvent event) {
		if (event.isSubmission() && event.reviewId() != null) {
			reviews.questionnaireSubmitted(event.reviewId());
		}
	}

}
