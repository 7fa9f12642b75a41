package io.trunkguard.vendorreview.workflow;

import io.trunkguard.questionnaire.QuestionnaireEvent;
import io.trunkguard.vendorreview.CarrierReviewEvent;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.KEY;
import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.MESSAGE_QUESTIONNAIRE_SUBMITTED;
import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.VAR_REVIEW_ID;

/**
 * Starts a review's process once the review is committed, and tells it when its
 * questionnaire was submitted (after that commit too).
 */
@Component
public class CarrierReviewProcessLauncher {

	private final RuntimeService runtime;

	private final HistoryService history;

	public CarrierReviewProcessLauncher(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(CarrierReviewEvent event) {
		if (CarrierReviewEvent.STARTED.equals(event.action())) {
			launch(event.reviewId().toString());
		}
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(QuestionnaireEvent event) {
		if (event.isSubmission() && event.reviewId() != null) {
			submitted(event.reviewId().toString());
		}
	}

	/** Starts the process of the review unless it has one; returns whether it did. */
	public boolean launch(String reviewId) {
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(reviewId)
			.count() > 0) {
			return false;
		}
		runtime.createProcessInstanceByKey(KEY).businessKey(reviewId).setVariable(VAR_REVIEW_ID, reviewId).execute();
		return true;
	}

	/** Moves the review's process on if it waits for the questionnaire. */
	public void submitted(String reviewId) {
		runtime.createMessageCorrelation(MESSAGE_QUESTIONNAIRE_SUBMITTED)
			.processInstanceBusinessKey(reviewId)
			.correlateAll();
	}

}
