package io.trunkguard.review.workflow;

import io.trunkguard.review.RemediationService;
import io.trunkguard.review.RemediationRequest;
import io.trunkguard.review.ReviewItemId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.CONNECTOR;
import static io.trunkguard.review.workflow.AccessReviewProcess.ENTITLEMENT;
import static io.trunkguard.review.workflow.AccessReviewProcess.PERSON_NAME;
import static io.trunkguard.review.workflow.AccessReviewProcess.SYSTEM_NAME;
import static io.trunkguard.review.workflow.AccessReviewProcess.ITEM;
import static io.trunkguard.review.workflow.AccessReviewProcess.REMEDIATION_ROUTE;
import static io.trunkguard.review.workflow.AccessReviewProcess.SYSTEM_OWNER;

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
		ReviewItemId item = ITEM.from(execution);
		RemediationRequest request = remediation.remediationOf(item);
		REMEDIATION_ROUTE.setLocal(execution, remediation.routeRemediation(item));
		CONNECTOR.setLocal(execution, request.connector());
		PERSON_NAME.setLocal(execution, request.personName());
		SYSTEM_NAME.setLocal(execution, request.systemName());
		ENTITLEMENT.setLocal(execution, request.entitlement());
		SYSTEM_OWNER.setLocal(execution,
				request.systemOwnerUsername() != null ? request.systemOwnerUsername() : NO_OWNER);
	}

}
