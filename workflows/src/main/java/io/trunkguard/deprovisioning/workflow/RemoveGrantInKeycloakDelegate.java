package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.GRANT_ID;

/**
 * Removes the role at the identity provider and revokes the grant; retried by the job on
 * failure.
 */
@Component("removeGrantInKeycloakDelegate")
class RemoveGrantInKeycloakDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	RemoveGrantInKeycloakDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		deprovisioning.removeAutomatically(DisableAccountDelegate.caseId(execution), GRANT_ID.from(execution));
	}

}
