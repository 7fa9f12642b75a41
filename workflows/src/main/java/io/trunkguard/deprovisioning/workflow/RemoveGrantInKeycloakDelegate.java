package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.access.GrantId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VAR_GRANT_ID;

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
		deprovisioning.removeAutomatically(DisableAccountDelegate.caseId(execution),
				GrantId.of((String) execution.getVariable(VAR_GRANT_ID)));
	}

}
