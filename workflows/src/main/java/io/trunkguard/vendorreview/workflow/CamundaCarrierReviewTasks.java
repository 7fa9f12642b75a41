package io.trunkguard.vendorreview.workflow;

import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.vendorreview.CarrierReviewTasks;
import io.trunkguard.vendorreview.Decision;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.KEY;
import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.TASK_DECIDE;
import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.TASK_QUESTIONNAIRE_EXPIRED;
import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.TASK_REVIEW_SOC_REPORT;
import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.VAR_DECISION;
import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.VAR_RESEND_QUESTIONNAIRE;

/** The review's user tasks in the engine, completed by the review service. */
@Component
class CamundaCarrierReviewTasks implements CarrierReviewTasks {

	private static final Map<String, Kind> KINDS = Map.of(TASK_QUESTIONNAIRE_EXPIRED, Kind.QUESTIONNAIRE_EXPIRED,
			TASK_REVIEW_SOC_REPORT, Kind.SOC_REPORT_REVIEW, TASK_DECIDE, Kind.DECISION);

	private final TaskService tasks;

	CamundaCarrierReviewTasks(TaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public Optional<Kind> openTask(UUID reviewId) {
		return tasks.createTaskQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(reviewId.toString())
			.list()
			.stream()
			.map(t -> KINDS.get(t.getTaskDefinitionKey()))
			.filter(k -> k != null)
			.findFirst();
	}

	@Override
	public void completeQuestionnaireExpired(UUID reviewId, boolean resend) {
		tasks.complete(task(reviewId, TASK_QUESTIONNAIRE_EXPIRED).getId(), Map.of(VAR_RESEND_QUESTIONNAIRE, resend));
	}

	@Override
	public void completeSocReportReview(UUID reviewId) {
		tasks.complete(task(reviewId, TASK_REVIEW_SOC_REPORT).getId());
	}

	@Override
	public void completeDecision(UUID reviewId, Decision decision) {
		tasks.complete(task(reviewId, TASK_DECIDE).getId(), Map.of(VAR_DECISION, decision.name()));
	}

	private Task task(UUID reviewId, String key) {
		Task task = tasks.createTaskQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(reviewId.toString())
			.taskDefinitionKey(key)
			.singleResult();
		if (task == null) {
			throw new InvalidStateException("carrier-review.no-task",
					"The review's process does not wait for this step (" + key + ").");
		}
		return task;
	}

}
