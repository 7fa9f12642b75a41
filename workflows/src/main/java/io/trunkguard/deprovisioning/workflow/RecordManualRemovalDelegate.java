package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.access.GrantId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VAR_GRANT_ID;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VAR_REMOVAL_NOTE;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.VAR_REMOVED_BY;

/**
 * Records the manual removal, by whoever completed the task ({@code removedBy}, with
 * {@code removalNote}), on the grant and the case.
 */
@Component("recordManualRemovalDelegate")
class RecordManualRemovalDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	RecordManualRemovalDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String removedBy = (String) execution.getVariable(VAR_REMOVED_BY);
		deprovisioning.confirmManualRemoval(DisableAccountDelegate.caseId(execution),
				GrantId.of((String) execution.getVariable(VAR_GRANT_ID)), removedBy == null ? "unknown" : removedBy,
				(String) execution.getVariable(VAR_REMOVAL_NOTE));
	}

}
