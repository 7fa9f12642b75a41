package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignService;
import io.trunkguard.review.ReviewItemId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CAMPAIGN_ID;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_REVOCATIONS;

/** Lists the ids of the items whose revoke or reduce waits for remediation. */
@Component("listRevocationsDelegate")
class ListRevocationsDelegate implements JavaDelegate {

	private final CampaignService campaigns;

	ListRevocationsDelegate(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(VAR_REVOCATIONS,
				new ArrayList<>(
						campaigns.pendingRemediations(CampaignId.of((String) execution.getVariable(VAR_CAMPAIGN_ID)))
							.stream()
							.map(ReviewItemId::toString)
							.toList()));
	}

}
