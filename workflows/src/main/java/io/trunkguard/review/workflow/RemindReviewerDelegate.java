package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.ReviewReminderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CAMPAIGN_ID;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_REVIEWER;

/**
 * Reminds the reviewer of this inbox task (the domain skips reviewers with nothing open).
 */
@Component("remindReviewerDelegate")
class RemindReviewerDelegate implements JavaDelegate {

	private final ReviewReminderService reminders;

	RemindReviewerDelegate(ReviewReminderService reminders) {
		this.reminders = reminders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reminders.remind(CampaignId.of((String) execution.getVariable(VAR_CAMPAIGN_ID)),
				(String) execution.getVariable(VAR_REVIEWER));
	}

}
