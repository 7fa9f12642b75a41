package io.trunkguard.trace.workflow;

import io.trunkguard.trace.EncryptionRemediationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.trace.workflow.EncryptionRemediationProcess.REMEDIATION_ID;

/** Escalates the process's remediation task if it is still open. */
@Component("escalateRemediationDelegate")
class EscalateRemediationDelegate implements JavaDelegate {

	private final EncryptionRemediationService remediations;

	EscalateRemediationDelegate(EncryptionRemediationService remediations) {
		this.remediations = remediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		remediations.escalate(REMEDIATION_ID.from(execution));
	}

}
