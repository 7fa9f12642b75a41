package io.trunkguard.trace.workflow;

import io.trunkguard.trace.EncryptionRemediationClosed;
import io.trunkguard.trace.EncryptionRemediationOpened;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.trunkguard.trace.workflow.EncryptionRemediationProcess.*;

/**
 * Starts a remediation task's process once the task is committed, and tells it when the
 * task is closed. A task that already has its process is not started twice.
 */
@Component
public class EncryptionRemediationLauncher {

	private final RuntimeService runtime;

	private final HistoryService history;

	public EncryptionRemediationLauncher(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(EncryptionRemediationOpened opened) {
		launch(opened.remediationId(), opened.dueOn());
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(EncryptionRemediationClosed closed) {
		closed(closed.remediationId());
	}

	/** Starts the process for the task unless it has one; returns whether it did. */
	public boolean launch(UUID remediationId, LocalDate dueOn) {
		String businessKey = remediationId.toString();
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0) {
			return false;
		}
		Map<String, Object> variables = new HashMap<>();
		REMEDIATION_ID.put(variables, remediationId);
		DUE_AT.put(variables, dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
		runtime.createMessageCorrelation(MESSAGE_OPENED)
			.processInstanceBusinessKey(businessKey)
			.setVariables(variables)
			.correlateStartMessage();
		return true;
	}

	/** Tells the task's process (if it waits) that the task is closed. */
	public void closed(UUID remediationId) {
		runtime.createMessageCorrelation(MESSAGE_CLOSED)
			.processInstanceBusinessKey(remediationId.toString())
			.correlateAllWithResult();
	}

}
