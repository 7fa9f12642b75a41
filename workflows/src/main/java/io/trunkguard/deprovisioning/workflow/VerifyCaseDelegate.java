package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.Verification;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VERIFICATION;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VERIFIED;

/**
 * Checks that the account is disabled without sessions and no grant is active; the case
 * closes only if so.
 */
@Component("verifyCaseDelegate")
class VerifyCaseDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	VerifyCaseDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Verification verification = deprovisioning.verify(DisableAccountDelegate.caseId(execution));
		VERIFIED.set(execution, verification.passed());
		VERIFICATION.set(execution, verification.summary());
	}

}
