package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.AccountDisableRecorded;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Date;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.KEY;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.TASK_DISABLE_ACCOUNT;

/**
 * When the account disabler has recorded a case's account (outside any transaction), a
 * disable step that ran first and failed for want of that record is due again now rather
 * than at its next backoff (10 s, 30 s, ...): the job executor then records the step and
 * the process goes on to the grants. Usually the disabler is first and there is no such
 * job.
 */
@Component
class DisableStepNudge {

	private final RuntimeService runtime;

	private final ManagementService management;

	DisableStepNudge(RuntimeService runtime, ManagementService management) {
		this.runtime = runtime;
		this.management = management;
	}

	@EventListener
	void on(AccountDisableRecorded recorded) {
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(recorded.caseId().toString())
			.singleResult();
		if (instance == null) {
			return;
		}
		for (Job waiting : management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(TASK_DISABLE_ACCOUNT)
			.withException()
			.list()) {
			management.setJobDuedate(waiting.getId(), new Date());
		}
	}

}
