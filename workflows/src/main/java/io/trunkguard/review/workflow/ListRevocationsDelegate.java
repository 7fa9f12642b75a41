package io.trunkguard.review.workflow;

import io.trunkguard.review.RemediationService;
import io.trunkguard.review.ReviewItemId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.review.workflow.AccessReviewProcess.CAMPAIGN_ID;
import static io.trunkguard.review.workflow.AccessReviewProcess.REVOCATIONS;

/** Lists the ids of the items whose revoke or reduce waits for remediation. */
@Component("listRevocationsDelegate")
class ListRevocationsDelegate implements JavaDelegate {

	private final RemediationService remediation;

	ListRevocationsDelegate(RemediationService remediation) {
		this.remediation = remediation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		REVOCATIONS.set(execution,
				remediation.pendingRemediations(CAMPAIGN_ID.from(execution))
					.stream()
					.map(ReviewItemId::toString)
					.toList());
	}

}
