package io.trunkguard.review.workflow;

import io.trunkguard.review.RemediationService;
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

	private final RemediationService remediation;

	RemoveAccessDelegate(RemediationService remediation) {
		this.remediation = remediation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		remediation.remediateAutomatically(ReviewItemId.of((String) execution.getVariable(VAR_ITEM)));
	}

}
