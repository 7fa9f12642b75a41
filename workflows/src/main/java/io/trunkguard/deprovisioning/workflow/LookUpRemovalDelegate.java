package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.access.GrantId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.GrantRemoval;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.*;

/**
 * Routes one grant: automatic on a system with a connector, else to the system owner with
 * the system's SLA due time. Writes the routing into the removal's own scope (the
 * removals run in parallel).
 */
@Component("lookUpRemovalDelegate")
class LookUpRemovalDelegate implements JavaDelegate {

	private final DeprovisioningService deprovisioning;

	LookUpRemovalDelegate(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		GrantId grantId = GrantId.of((String) execution.getVariable(VAR_GRANT_ID));
		GrantRemoval removal = deprovisioning.grantsToRemove(DisableAccountDelegate.caseId(execution))
			.stream()
			.filter(r -> r.grantId().equals(grantId))
			.findFirst()
			.orElse(null);
		// a grant revoked meanwhile (e.g. by hand): nothing to remove, the automatic path
		// records it
		execution.setVariableLocal(VAR_AUTOMATIC, removal == null || removal.automatic());
		execution.setVariableLocal(VAR_SYSTEM_OWNER, removal == null ? null : removal.ownerUsername());
		execution.setVariableLocal(VAR_SYSTEM_NAME, removal == null ? null : removal.systemName());
		execution.setVariableLocal(VAR_SLA_DUE_AT, removal == null ? new Date() : Date.from(removal.slaDueAt()));
		execution.setVariableLocal(VAR_REMOVED_BY, null);
		execution.setVariableLocal(VAR_REMOVAL_NOTE, null);
		execution.setVariableLocal(VAR_ESCALATION_GROUPS, null);
	}

}
