package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignLifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.CAMPAIGN_ID;
import static io.trunkguard.review.workflow.AccessReviewProcess.PROCESS_ACTOR;

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
		lifecycle.close(CAMPAIGN_ID.from(execution), PROCESS_ACTOR);
	}

}
