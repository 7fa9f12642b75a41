package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.GRANTS;

/** Lists the ids of the person's active grants, one removal each. */
@Component("listGrantsDelegate")
class ListGrantsDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	ListGrantsDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		GRANTS.set(execution,
				deprovisioning.grantsToRemove(DisableAccountDelegate.caseId(execution))
					.stream()
					.map(removal -> removal.grantId().toString())
					.toList());
	}

}
