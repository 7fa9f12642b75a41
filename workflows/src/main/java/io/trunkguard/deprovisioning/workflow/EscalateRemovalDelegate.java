package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.access.GrantId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VAR_ESCALATION_GROUPS;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VAR_GRANT_ID;

/** Records the missed SLA on the case and names the groups the removal now goes to. */
@Component("escalateRemovalDelegate")
class EscalateRemovalDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	EscalateRemovalDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(VAR_ESCALATION_GROUPS,
				String.join(",", deprovisioning.escalate(DisableAccountDelegate.caseId(execution),
						GrantId.of((String) execution.getVariable(VAR_GRANT_ID)))));
	}

}
