package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.CASE_ID;

/**
 * Disables the person's identity provider account, ends their sessions and marks them as
 * left; retried by the job on failure.
 */
@Component("disableAccountDelegate")
class DisableAccountDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	DisableAccountDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		deprovisioning.disableAccount(caseId(execution));
	}

	static DeprovisioningCaseId caseId(DelegateExecution execution) {
		return CASE_ID.from(execution);
	}

}
