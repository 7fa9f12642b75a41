package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignService;
import io.trunkguard.review.RemediationRequest;
import io.trunkguard.review.ReviewItemId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CONNECTOR;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_ITEM;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_SYSTEM_OWNER;

/**
 * Sets, for one revocation, the system's connector (the gateway chooses automatic or manual removal) and the owner's
 * username (candidate of the manual task; {@value #NO_OWNER} when the owner has no login, so only compliance leads see it).
 */
@Component("lookUpRemediationDelegate")
class LookUpRemediationDelegate implements JavaDelegate {

	static final String NO_OWNER = "no-owner-login";

	private final CampaignService campaigns;

	LookUpRemediationDelegate(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RemediationRequest request = campaigns.remediationOf(ReviewItemId.of((String) execution.getVariable(VAR_ITEM)));
		execution.setVariableLocal(VAR_CONNECTOR, request.connector().name());
		execution.setVariableLocal(VAR_SYSTEM_OWNER, request.systemOwnerUsername() != null ? request.systemOwnerUsername() : NO_OWNER);
	}
}
