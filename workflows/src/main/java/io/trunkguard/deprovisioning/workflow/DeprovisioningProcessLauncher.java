package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningCaseOpened;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.CASE_ID;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.KEY;
import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.MESSAGE_TERMINATION_RECEIVED;

/**
 * Starts the process of a new case once the case is committed. Through Spring Modulith's
 * event publication registry: if the app dies before the start, the publication stays
 * incomplete and {@link DeprovisioningRecovery} resubmits it on the next start, so no
 * case is left without its process; a case that already has one is not started twice.
 * <p>
 * Synchronous after the commit, in a new transaction (an
 * {@code @ApplicationModuleListener} without {@code @Async}): starting the process only
 * creates its first job, which takes milliseconds, while the asynchronous variant ran on
 * the only task executor of the app, Camunda's job executor pool, whose small queue
 * refused starts in a burst of HR events (the case then waited for the next restart).
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

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
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
