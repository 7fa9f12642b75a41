package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.GRANT_ID;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.REMOVAL_NOTE;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.REMOVED_BY;

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
		String removedBy = REMOVED_BY.from(execution);
		deprovisioning.confirmManualRemoval(DisableAccountDelegate.caseId(execution), GRANT_ID.from(execution),
				removedBy == null ? "unknown" : removedBy, REMOVAL_NOTE.from(execution));
	}

}
