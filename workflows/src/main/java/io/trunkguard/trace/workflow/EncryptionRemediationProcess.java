package io.trunkguard.trace.workflow;

import io.trunkguard.workflow.ProcessVariable;

import java.util.UUID;

/**
 * The encryption remediation process ({@code bpmn/trace/encryption-remediation.bpmn}):
 * its key, element ids and variables. The business key is the remediation task id.
 */
public final class EncryptionRemediationProcess {

	public static final String KEY = "encryptionRemediation";

	public static final String RESOURCE = "bpmn/trace/encryption-remediation.bpmn";

	public static final String MESSAGE_OPENED = "Message_RemediationOpened";

	public static final String MESSAGE_CLOSED = "Message_RemediationClosed";

	public static final String START_OPENED = "StartEvent_RemediationOpened";

	public static final String GATEWAY_CLOSED_OR_DUE = "Gateway_ClosedOrDue";

	public static final String EVENT_CLOSED_IN_TIME = "Event_ClosedInTime";

	public static final String TIMER_DUE_DATE_PASSED = "Timer_DueDatePassed";

	public static final String TASK_ESCALATE = "Task_EscalateRemediation";

	public static final String EVENT_CLOSED_AFTER_ESCALATION = "Event_ClosedAfterEscalation";

	public static final String END_IN_TIME = "Event_RemediatedInTime";

	public static final String END_LATE = "Event_RemediatedLate";

	public static final String VAR_REMEDIATION_ID = "remediationId";

	/** ISO 8601 instant: the start of the day after the due date (UTC). */
	public static final String VAR_DUE_AT = "dueAt";

	public static final ProcessVariable<UUID> REMEDIATION_ID = ProcessVariable.string(VAR_REMEDIATION_ID)
		.as(UUID::fromString, UUID::toString);

	public static final ProcessVariable<String> DUE_AT = ProcessVariable.string(VAR_DUE_AT);

	private EncryptionRemediationProcess() {
	}

}
