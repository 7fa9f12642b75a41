package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.access.GrantId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.GrantRemoval;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Instant;

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
		GrantId grantId = GRANT_ID.from(execution);
		GrantRemoval removal = deprovisioning.grantsToRemove(DisableAccountDelegate.caseId(execution))
			.stream()
			.filter(r -> r.grantId().equals(grantId))
			.findFirst()
			.orElse(null);
		// a grant revoked meanwhile (e.g. by hand): nothing to remove, the automatic path
		// records it
		AUTOMATIC.setLocal(execution, removal == null || removal.automatic());
		SYSTEM_OWNER.setLocal(execution, removal == null ? null : removal.ownerUsername());
		SYSTEM_NAME.setLocal(execution, removal == null ? null : removal.systemName());
		ENTITLEMENT.setLocal(execution, removal == null ? null : removal.entitlement());
		LEAVER_NAME.setLocal(execution, removal == null ? null : removal.personName());
		SLA_DUE_AT.setLocal(execution, removal == null ? Instant.now() : removal.slaDueAt());
		REMOVED_BY.setLocal(execution, null);
		REMOVAL_NOTE.setLocal(execution, null);
		ESCALATION_GROUPS.setLocal(execution, null);
	}

}
