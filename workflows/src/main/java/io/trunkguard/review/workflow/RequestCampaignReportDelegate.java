package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.VAR_CAMPAIGN_ID;

/**
 * Asks for the signed-off campaign's report; the reports module generates and stores it
 * on the domain event.
 */
@Component("requestCampaignReportDelegate")
class RequestCampaignReportDelegate implements JavaDelegate {

	private final CampaignLifecycleService lifecycle;

	RequestCampaignReportDelegate(CampaignLifecycleService lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.requestReport(CampaignId.of((String) execution.getVariable(VAR_CAMPAIGN_ID)));
	}

}
