package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignEndedEarly;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignProgress;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ItemReassigned;
import io.trunkguard.review.CampaignSignedOff;
import io.trunkguard.review.ItemRemediated;
import io.trunkguard.review.ReviewSubmitted;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

import static io.trunkguard.review.workflow.AccessReviewProcess.*;

/**
 * Completes the inbox task a domain action finishes: a reviewer's submission, a manual
 * remediation (or accepted risk), a sign-off. Keeps the inbox tasks in step with
 * reassignments: the new reviewer gets an inbox task if they have none, and the previous
 * reviewer's task is completed once they have nothing left to decide. Synchronous, in the
 * domain action's transaction: the action and the task changes commit together. Without a
 * matching task (no process for the campaign, or already done) nothing happens.
 */
@Component
class ReviewTaskCompleter {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final CampaignQueryService queries;

	ReviewTaskCompleter(TaskService tasks, RuntimeService runtime, CampaignQueryService queries) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.queries = queries;
	}

	@EventListener
	void on(ItemReassigned event) {
		String business = event.campaignId().toString();
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(business)
			.active()
			.singleResult();
		if (instance == null) {
			return;
		}
		List<Task> open = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_REVIEW_GRANTS)
			.list();
		boolean newReviewerHasTask = open.stream()
			.anyMatch(task -> Objects.equals(event.toReviewer(), tasks.getVariable(task.getId(), VAR_REVIEWER)));
		if (!newReviewerHasTask && !open.isEmpty()) {
			// a new inner instance of the parallel multi-instance review: the new
			// reviewer's inbox task, with its timers
			runtime.createProcessInstanceModification(instance.getId())
				.startBeforeActivity(SUBPROCESS_REVIEW)
				.setVariableLocal(VAR_REVIEWER, event.toReviewer())
				.execute();
		}
		CampaignProgress left = queries.progressOf(event.campaignId(), event.fromReviewer());
		if (left.items() - left.settled() == 0) {
			complete(event.campaignId(), TASK_REVIEW_GRANTS, VAR_REVIEWER, event.fromReviewer());
		}
	}

	/**
	 * A lead ended reviewing early: every reviewer's inbox task is done, so the process
	 * goes on to settle, remediate, close and sign off now.
	 */
	@EventListener
	void on(CampaignEndedEarly event) {
		complete(event.campaignId(), TASK_REVIEW_GRANTS, null, null);
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
		for (Task task : tasks.createTaskQuery()
			.processInstanceBusinessKey(campaign.toString())
			.taskDefinitionKey(taskKey)
			.list()) {
			if (variable == null || Objects.equals(value, tasks.getVariable(task.getId(), variable))) {
				tasks.complete(task.getId());
			}
		}
	}

}
