package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Completes the verified case: fixes the time to deprovision and the SLA outcome. */
@Component("completeCaseDelegate")
class CompleteCaseDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	CompleteCaseDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		deprovisioning.complete(DisableAccountDelegate.caseId(execution));
	}

}
