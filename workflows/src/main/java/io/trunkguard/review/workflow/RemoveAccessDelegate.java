package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignService;
import io.trunkguard.review.ReviewItemId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_ITEM;

/**
 * Removes (or reduces) the access through the system's connector and verifies it; a
 * failure is retried by the job.
 */
@Component("removeAccessDelegate")
class RemoveAccessDelegate implements JavaDelegate {

	private final CampaignService campaigns;

	RemoveAccessDelegate(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		campaigns.remediateAutomatically(ReviewItemId.of((String) execution.getVariable(VAR_ITEM)));
	}

}
