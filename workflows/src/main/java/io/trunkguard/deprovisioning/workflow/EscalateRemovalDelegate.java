package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.ESCALATION_GROUPS;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.GRANT_ID;

/** Records the missed SLA on the case and names the groups the removal now goes to. */
@Component("escalateRemovalDelegate")
class EscalateRemovalDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	EscalateRemovalDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ESCALATION_GROUPS.set(execution, String.join(",",
				deprovisioning.escalate(DisableAccountDelegate.caseId(execution), GRANT_ID.from(execution))));
	}

}
