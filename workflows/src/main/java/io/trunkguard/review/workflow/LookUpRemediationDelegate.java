package io.trunkguard.review.workflow;

import io.trunkguard.review.RemediationService;
import io.trunkguard.review.RemediationRequest;
import io.trunkguard.review.ReviewItemId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CONNECTOR;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_ITEM;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_REMEDIATION_ROUTE;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_SYSTEM_OWNER;

/**
 * Sets, for one revocation, the route (the gateway chooses automatic or manual removal:
 * manual when no connector serves the system, which the domain records on the item), the
 * system's connector and the owner's username (candidate of the manual task;
 * {@value #NO_OWNER} when the owner has no login, so only compliance leads see it).
 */
@Component("lookUpRemediationDelegate")
class LookUpRemediationDelegate implements JavaDelegate {

	static final String NO_OWNER = "no-owner-login";

	private final RemediationService remediation;

	LookUpRemediationDelegate(RemediationService remediation) {
		this.remediation = remediation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReviewItemId item = ReviewItemId.of((String) execution.getVariable(VAR_ITEM));
		RemediationRequest request = remediation.remediationOf(item);
		execution.setVariableLocal(VAR_REMEDIATION_ROUTE, remediation.routeRemediation(item).name());
		execution.setVariableLocal(VAR_CONNECTOR, request.connector().name());
		execution.setVariableLocal(VAR_SYSTEM_OWNER,
				request.systemOwnerUsername() != null ? request.systemOwnerUsername() : NO_OWNER);
	}

}
