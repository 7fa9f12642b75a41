package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.access.GrantId;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.workflow.ProcessVariable;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The deprovisioning process ({@code bpmn/deprovisioning/deprovisioning.bpmn}): its key,
 * element ids and variable names, and the variables typed as the delegates read and write
 * them. The business key is the case id; variables hold ids, usernames and dates, never
 * entities.
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

	public static final String VAR_ENTITLEMENT = "entitlement";

	public static final String VAR_LEAVER_NAME = "leaverName";

	public static final String VAR_SLA_DUE_AT = "slaDueAt";

	public static final String VAR_ESCALATION_GROUPS = "escalationGroups";

	/** Set when completing a manual removal task: who removed the access. */
	public static final String VAR_REMOVED_BY = "removedBy";

	/** Set when completing a manual removal or an investigation: what the person did. */
	public static final String VAR_REMOVAL_NOTE = "removalNote";

	public static final String VAR_VERIFIED = "verified";

	public static final String VAR_VERIFICATION = "verification";

	// the variables, typed (the BPMN model and the tests know them by the names above)

	public static final ProcessVariable<DeprovisioningCaseId> CASE_ID = ProcessVariable.string(VAR_CASE_ID)
		.as(DeprovisioningCaseId::of, DeprovisioningCaseId::toString);

	public static final ProcessVariable<List<String>> GRANTS = ProcessVariable.list(VAR_GRANTS, String.class);

	public static final ProcessVariable<GrantId> GRANT_ID = ProcessVariable.string(VAR_GRANT_ID)
		.as(GrantId::of, GrantId::toString);

	public static final ProcessVariable<Boolean> AUTOMATIC = ProcessVariable.of(VAR_AUTOMATIC, Boolean.class);

	public static final ProcessVariable<String> SYSTEM_OWNER = ProcessVariable.string(VAR_SYSTEM_OWNER);

	public static final ProcessVariable<String> SYSTEM_NAME = ProcessVariable.string(VAR_SYSTEM_NAME);

	/** The role to remove, for the task's name. */
	public static final ProcessVariable<String> ENTITLEMENT = ProcessVariable.string(VAR_ENTITLEMENT);

	/** The leaver's full name, for the task's name. */
	public static final ProcessVariable<String> LEAVER_NAME = ProcessVariable.string(VAR_LEAVER_NAME);

	/** When the removal's SLA runs out (the timer waits for a date). */
	public static final ProcessVariable<Instant> SLA_DUE_AT = ProcessVariable.of(VAR_SLA_DUE_AT, Date.class)
		.as(Date::toInstant, Date::from);

	/** The candidate groups of an escalated removal, comma-separated for the BPMN. */
	public static final ProcessVariable<String> ESCALATION_GROUPS = ProcessVariable.string(VAR_ESCALATION_GROUPS);

	public static final ProcessVariable<String> REMOVED_BY = ProcessVariable.string(VAR_REMOVED_BY);

	public static final ProcessVariable<String> REMOVAL_NOTE = ProcessVariable.string(VAR_REMOVAL_NOTE);

	public static final ProcessVariable<Boolean> VERIFIED = ProcessVariable.of(VAR_VERIFIED, Boolean.class);

	public static final ProcessVariable<String> VERIFICATION = ProcessVariable.string(VAR_VERIFICATION);

	/** The group of the compliance leads: escalations and failed verifications. */
	public static final String GROUP_COMPLIANCE_LEAD = "compliance-lead";

	private DeprovisioningProcess() {
	}

}
