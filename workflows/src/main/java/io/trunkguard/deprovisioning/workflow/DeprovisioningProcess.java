package io.trunkguard.deprovisioning.workflow;

/**
 * The deprovisioning process ({@code bpmn/deprovisioning/deprovisioning.bpmn}): its key,
 * element ids and variable names. The business key is the case id; variables hold ids,
 * usernames and dates, never entities.
 */
public final class DeprovisioningProcess {

	public static final String KEY = "deprovisioning";

	public static final String RESOURCE = "bpmn/deprovisioning/deprovisioning.bpmn";

	/** The start message; correlated with the case id as business key. */
	public static final String MESSAGE_TERMINATION_RECEIVED = "Message_TerminationReceived";

	public static final String START_TERMINATION_RECEIVED = "StartEvent_TerminationReceived";

	public static final String TASK_DISABLE_ACCOUNT = "Task_DisableAccount";

	public static final String TASK_LIST_GRANTS = "Task_ListGrants";

	public static final String SUBPROCESS_REMOVE_GRANT = "SubProcess_RemoveGrant";

	public static final String TASK_LOOK_UP_REMOVAL = "Task_LookUpRemoval";

	public static final String GATEWAY_CONNECTOR = "Gateway_Connector";

	public static final String TASK_REMOVE_IN_KEYCLOAK = "Task_RemoveInKeycloak";

	public static final String TASK_REMOVE_MANUALLY = "Task_RemoveManually";

	public static final String TIMER_SLA = "Timer_RemovalSla";

	public static final String TASK_ESCALATE = "Task_EscalateRemoval";

	public static final String TASK_REMOVE_ESCALATED = "Task_RemoveEscalated";

	public static final String TASK_RECORD_MANUAL_REMOVAL = "Task_RecordManualRemoval";

	public static final String EVENT_GRANT_REMOVED = "Event_GrantRemoved";

	public static final String TASK_VERIFY = "Task_Verify";

	public static final String GATEWAY_VERIFIED = "Gateway_Verified";

	public static final String TASK_INVESTIGATE = "Task_InvestigateRemainingAccess";

	public static final String TASK_COMPLETE_CASE = "Task_CompleteCase";

	public static final String EVENT_CASE_COMPLETED = "Event_CaseCompleted";

	public static final String VAR_CASE_ID = "caseId";

	/** The ids of the grants to remove (list of strings). */
	public static final String VAR_GRANTS = "grants";

	/** One grant id, the element of the multi-instance removal. */
	public static final String VAR_GRANT_ID = "grantId";

	public static final String VAR_AUTOMATIC = "automatic";

	public static final String VAR_SYSTEM_OWNER = "systemOwner";

	public static final String VAR_SYSTEM_NAME = "systemName";

	public static final String VAR_SLA_DUE_AT = "slaDueAt";

	public static final String VAR_ESCALATION_GROUPS = "escalationGroups";

	/** Set when completing a manual removal task: who removed the access. */
	public static final String VAR_REMOVED_BY = "removedBy";

	/** Set when completing a manual removal or an investigation: what the person did. */
	public static final String VAR_REMOVAL_NOTE = "removalNote";

	public static final String VAR_VERIFIED = "verified";

	public static final String VAR_VERIFICATION = "verification";

	/** The group of the compliance leads: escalations and failed verifications. */
	public static final String GROUP_COMPLIANCE_LEAD = "compliance-lead";

	private DeprovisioningProcess() {
	}

}
