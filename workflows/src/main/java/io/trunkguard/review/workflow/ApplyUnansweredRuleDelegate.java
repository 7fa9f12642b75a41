package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CAMPAIGN_ID;

/** Ends reviewing and settles what nobody submitted by the campaign's rule. */
@Component("applyUnansweredRuleDelegate")
class ApplyUnansweredRuleDelegate implements JavaDelegate {

	private final CampaignLifecycleService lifecycle;

	ApplyUnansweredRuleDelegate(CampaignLifecycleService lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.applyUnansweredRule(CampaignId.of((String) execution.getVariable(VAR_CAMPAIGN_ID)));
	}

}
