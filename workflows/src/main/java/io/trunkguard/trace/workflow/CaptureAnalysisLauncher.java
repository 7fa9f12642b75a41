package io.trunkguard.trace.workflow;

import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureReceived;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import static io.trunkguard.trace.workflow.CaptureAnalysisProcess.KEY;
import static io.trunkguard.trace.workflow.CaptureAnalysisProcess.MESSAGE_CAPTURE_RECEIVED;
import static io.trunkguard.trace.workflow.CaptureAnalysisProcess.VAR_CAPTURE_ID;

/**
 * Starts the analysis process of a capture once its upload is committed (which only
 * creates the analysis job). Spring Modulith's event publication registry keeps the event
 * until this succeeds; the deprovisioning module's recovery resubmits incomplete
 * publications at start, and a capture that already has its process is not started twice.
 */
@Component
public class CaptureAnalysisLauncher {

	private final RuntimeService runtime;

	private final HistoryService history;

	public CaptureAnalysisLauncher(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(CaptureReceived received) {
		launch(received.captureId());
	}

	/** Starts the process for the capture unless it has one; returns whether it did. */
	public boolean launch(CaptureId captureId) {
		String businessKey = captureId.toString();
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0) {
			return false;
		}
		runtime.createMessageCorrelation(MESSAGE_CAPTURE_RECEIVED)
			.processInstanceBusinessKey(businessKey)
			.setVariable(VAR_CAPTURE_ID, businessKey)
			.correlateStartMessage();
		return true;
	}

}
