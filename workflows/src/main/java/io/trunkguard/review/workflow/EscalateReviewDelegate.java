package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.ReviewReminderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CAMPAIGN_ID;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_ESCALATED_TO;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_REVIEWER;

/** Escalates a late reviewer; records (locally) whom it escalated to. */
@Component("escalateReviewDelegate")
class EscalateReviewDelegate implements JavaDelegate {

	private final ReviewReminderService reminders;

	EscalateReviewDelegate(ReviewReminderService reminders) {
		this.reminders = reminders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String target = reminders.escalate(CampaignId.of((String) execution.getVariable(VAR_CAMPAIGN_ID)),
				(String) execution.getVariable(VAR_REVIEWER));
		execution.setVariableLocal(VAR_ESCALATED_TO, target);
	}

}
