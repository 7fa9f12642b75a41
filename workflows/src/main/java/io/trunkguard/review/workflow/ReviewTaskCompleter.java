package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignSignedOff;
import io.trunkguard.review.ItemRemediated;
import io.trunkguard.review.ReviewSubmitted;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Objects;

import static io.trunkguard.review.workflow.AccessReviewProcess.*;

/**
 * Completes the inbox task a domain action finishes: a reviewer's submission, a manual remediation (or accepted risk),
 * a sign-off. Synchronous, in the domain action's transaction: the action and the task completion commit together.
 * Without a matching task (no process for the campaign, or already done) nothing happens.
 */
@Component
class ReviewTaskCompleter {

	private final TaskService tasks;

	ReviewTaskCompleter(TaskService tasks) {
		this.tasks = tasks;
	}

	@EventListener
	void on(ReviewSubmitted event) {
		complete(event.campaignId(), TASK_REVIEW_GRANTS, VAR_REVIEWER, event.reviewerUsername());
	}

	@EventListener
	void on(ItemRemediated event) {
		complete(event.campaignId(), TASK_CONFIRM_MANUAL_REMOVAL, VAR_ITEM, event.itemId().toString());
	}

	@EventListener
	void on(CampaignSignedOff event) {
		complete(event.campaignId(), TASK_SIGN_OFF, null, null);
	}

	private void complete(CampaignId campaign, String taskKey, String variable, String value) {
		for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(campaign.toString()).taskDefinitionKey(taskKey).list()) {
			if (variable == null || Objects.equals(value, tasks.getVariable(task.getId(), variable))) {
				tasks.complete(task.getId());
			}
		}
	}
}
