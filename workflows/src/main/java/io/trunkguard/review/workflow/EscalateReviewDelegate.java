package io.trunkguard.review.workflow;

import io.trunkguard.review.ReviewReminderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.CAMPAIGN_ID;
import static io.trunkguard.review.workflow.AccessReviewProcess.ESCALATED_TO;
import static io.trunkguard.review.workflow.AccessReviewProcess.REVIEWER;

/** Escalates a late reviewer; records (locally) whom it escalated to. */
@Component("escalateReviewDelegate")
class EscalateReviewDelegate implements JavaDelegate {

	private final ReviewReminderService reminders;

	EscalateReviewDelegate(ReviewReminderService reminders) {
		this.reminders = reminders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String target = reminders.escalate(CAMPAIGN_ID.from(execution), REVIEWER.from(execution));
		ESCALATED_TO.setLocal(execution, target);
	}

}
