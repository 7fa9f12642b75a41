package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.PROCESS_ACTOR;
import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CAMPAIGN_ID;

/**
 * Closes the campaign; the domain refuses while anything is unsettled (the job retries,
 * then shows an incident).
 */
@Component("closeCampaignDelegate")
class CloseCampaignDelegate implements JavaDelegate {

	private final CampaignLifecycleService lifecycle;

	CloseCampaignDelegate(CampaignLifecycleService lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.close(CampaignId.of((String) execution.getVariable(VAR_CAMPAIGN_ID)), PROCESS_ACTOR);
	}

}
