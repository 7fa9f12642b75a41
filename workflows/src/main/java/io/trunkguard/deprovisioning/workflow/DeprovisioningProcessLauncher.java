package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningCaseOpened;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.CASE_ID;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.KEY;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.MESSAGE_TERMINATION_RECEIVED;

/**
 * Starts the process of a new case in the transaction that opens the case: both are
 * committed together or not at all, so no case is ever left without its process and none
 * gets two (a second delivery of the event finds the case and opens nothing). Starting
 * only creates the process instance and the job of its first step (the disable step is
 * {@code asyncBefore}): a few inserts, no identity-provider call, so the HR webhook still
 * answers at once and the job executor does the work.
 * <p>
 * Before, the start ran after the commit in a transaction of its own (through Spring
 * Modulith's event publication registry): each event then took three transactions and a
 * window in which a killed node left a case without its process until
 * {@link DeprovisioningRecovery} resubmitted it on the next start.
 */
@Component
public class DeprovisioningProcessLauncher {

	private static final Logger log = LoggerFactory.getLogger(DeprovisioningProcessLauncher.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	public DeprovisioningProcessLauncher(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	@EventListener
	void on(DeprovisioningCaseOpened opened) {
		launch(opened.caseId());
	}

	/**
	 * Starts the process for the case unless it has one; returns whether it started one.
	 */
	public boolean launch(DeprovisioningCaseId caseId) {
		String businessKey = caseId.toString();
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0) {
			log.info("Deprovisioning case {} already has its process", businessKey);
			return false;
		}
		runtime.createMessageCorrelation(MESSAGE_TERMINATION_RECEIVED)
			.processInstanceBusinessKey(businessKey)
			.setVariable(CASE_ID.name(), businessKey)
			.correlateStartMessage();
		return true;
	}

}
