package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.RemediationService;
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

	private final RemediationService remediation;

	ListRevocationsDelegate(RemediationService remediation) {
		this.remediation = remediation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(VAR_REVOCATIONS,
				new ArrayList<>(
						remediation.pendingRemediations(CampaignId.of((String) execution.getVariable(VAR_CAMPAIGN_ID)))
							.stream()
							.map(ReviewItemId::toString)
							.toList()));
	}

}
