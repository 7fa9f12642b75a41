package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningTask;
import io.trunkguard.deprovisioning.DeprovisioningTaskPort;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.*;

/**
 * The deprovisioning user tasks of the engine as {@link DeprovisioningTask}s, and their
 * completion with the person who did the work and their note ({@code removedBy},
 * {@code removalNote} in the removal's own scope).
 */
@Component
class CamundaDeprovisioningTasks implements DeprovisioningTaskPort {

	private static final Map<String, DeprovisioningTask.Kind> KINDS = Map.of(TASK_REMOVE_MANUALLY,
			DeprovisioningTask.Kind.REMOVE_MANUALLY, TASK_REMOVE_ESCALATED, DeprovisioningTask.Kind.REMOVE_ESCALATED,
			TASK_INVESTIGATE, DeprovisioningTask.Kind.INVESTIGATE);

	private final TaskService tasks;

	private final RuntimeService runtime;

	CamundaDeprovisioningTasks(TaskService tasks, RuntimeService runtime) {
		this.tasks = tasks;
		this.runtime = runtime;
	}

	@Override
	public List<DeprovisioningTask> openTasks() {
		return tasks.createTaskQuery()
			.processDefinitionKey(KEY)
			.taskDefinitionKeyIn(KINDS.keySet().toArray(String[]::new))
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(this::toTask)
			.toList();
	}

	@Override
	public Optional<DeprovisioningTask> find(String taskId) {
		if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
			return Optional.empty();
		}
		return Optional.ofNullable(tasks.createTaskQuery().processDefinitionKey(KEY).taskId(taskId).singleResult())
			.filter(t -> KINDS.containsKey(t.getTaskDefinitionKey()))
			.map(this::toTask);
	}

	@Override
	public void complete(String taskId, String actor, String note) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new io.trunkguard.shared.NotFoundException("DeprovisioningTask", taskId);
		}
		Map<String, Object> variables = new HashMap<>();
		if (!TASK_INVESTIGATE.equals(task.getTaskDefinitionKey())) {
			// the removal's own scope (the removals run in parallel): set where
			// LookUpRemoval declared them
			runtime.setVariable(task.getExecutionId(), REMOVED_BY.name(), actor);
			runtime.setVariable(task.getExecutionId(), REMOVAL_NOTE.name(), note);
		}
		tasks.complete(taskId, variables);
	}

	private DeprovisioningTask toTask(Task task) {
		Map<String, Object> variables = tasks.getVariables(task.getId(),
				List.of(VAR_CASE_ID, VAR_GRANT_ID, VAR_SYSTEM_NAME, VAR_VERIFICATION));
		List<String> groups = tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
		DeprovisioningTask.Kind kind = KINDS.get(task.getTaskDefinitionKey());
		return new DeprovisioningTask(task.getId(), kind, task.getName(), CASE_ID.from(variables),
				kind == DeprovisioningTask.Kind.INVESTIGATE ? null : GRANT_ID.from(variables),
				SYSTEM_NAME.from(variables), task.getAssignee(), groups, task.getCreateTime().toInstant(),
				task.getDueDate() == null ? null : task.getDueDate().toInstant(), VERIFICATION.from(variables));
	}

}
