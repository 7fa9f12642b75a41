package io.trunkguard.review.workflow;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.RemediationRoute;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.UnansweredRule;
import io.trunkguard.workflow.ProcessVariable;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The quarterly access review process ({@code bpmn/review/access-review.bpmn}): its key,
 * element ids and variable names, and the variables typed as the delegates read and write
 * them. The business key is the campaign id; variables hold ids, usernames and dates,
 * never entities.
 */
public final class AccessReviewProcess {

	public static final String KEY = "access-review";

	public static final String RESOURCE = "bpmn/review/access-review.bpmn";

	// start events
	public static final String START_QUARTERLY = "StartEvent_Quarterly";

	public static final String START_MANUAL = "StartEvent_Manual";

	/**
	 * The message of the manual start (Camunda allows one none or timer start per
	 * process, so this one is a message).
	 */
	public static final String MESSAGE_START_REQUESTED = "AccessReviewRequested";

	// scope and review
	public static final String TASK_FREEZE_SCOPE = "Task_FreezeScope";

	public static final String SUBPROCESS_REVIEW = "SubProcess_ReviewPerReviewer";

	public static final String TASK_REVIEW_GRANTS = "Task_ReviewGrants";

	public static final String TIMER_FIRST_REMINDER = "Timer_FirstReminder";

	public static final String TIMER_SECOND_REMINDER = "Timer_SecondReminder";

	public static final String TASK_SEND_REMINDER = "Task_SendReminder";

	public static final String TIMER_DEADLINE = "Timer_Deadline";

	public static final String TASK_ESCALATE = "Task_EscalateReview";

	public static final String TIMER_CLOSE_OUT = "Timer_CloseOut";

	public static final String EVENT_REVIEW_SUBMITTED = "Event_ReviewSubmitted";

	// settling and remediation
	public static final String TASK_APPLY_UNANSWERED_RULE = "Task_ApplyUnansweredRule";

	public static final String TASK_LIST_REVOCATIONS = "Task_ListRevocations";

	public static final String SUBPROCESS_REMEDIATION = "SubProcess_Remediation";

	public static final String TASK_LOOK_UP_REMEDIATION = "Task_LookUpRemediation";

	public static final String GATEWAY_CONNECTOR = "Gateway_Connector";

	public static final String TASK_REMOVE_ACCESS_AUTOMATICALLY = "Task_RemoveAccessInKeycloak";

	public static final String TASK_CONFIRM_MANUAL_REMOVAL = "Task_ConfirmManualRemoval";

	public static final String EVENT_ACCESS_REMOVED = "Event_AccessRemoved";

	// close, sign-off, report
	public static final String TASK_CLOSE_CAMPAIGN = "Task_CloseCampaign";

	public static final String TASK_SIGN_OFF = "Task_SignOff";

	public static final String TASK_GENERATE_REPORT = "Task_GenerateReport";

	public static final String EVENT_CAMPAIGN_SIGNED_OFF = "Event_CampaignSignedOff";

	// variables: manual start
	public static final String VAR_CAMPAIGN_NAME = "campaignName";

	public static final String VAR_REQUESTED_DEADLINE = "requestedDeadline";

	public static final String VAR_UNANSWERED_RULE = "unansweredRule";

	public static final String VAR_STARTED_BY = "startedBy";

	public static final String VAR_OVERLAP_REASON = "overlapReason";

	// variables: set by the process
	public static final String VAR_CAMPAIGN_ID = "campaignId";

	public static final String VAR_REVIEWERS = "reviewers";

	public static final String VAR_REVIEWER = "reviewer";

	public static final String VAR_FIRST_REMINDER_AT = "firstReminderAt";

	public static final String VAR_SECOND_REMINDER_AT = "secondReminderAt";

	public static final String VAR_DEADLINE = "deadline";

	public static final String VAR_CLOSE_OUT_AT = "closeOutAt";

	public static final String VAR_REVOCATIONS = "revocations";

	public static final String VAR_ITEM = "item";

	public static final String VAR_CONNECTOR = "connector";

	/**
	 * AUTOMATIC or MANUAL ({@link io.trunkguard.review.RemediationRoute}): the gateway's
	 * choice for one revocation.
	 */
	public static final String VAR_REMEDIATION_ROUTE = "remediationRoute";

	public static final String VAR_SYSTEM_OWNER = "systemOwner";

	/** Of one revocation, for the manual task's name. */
	public static final String VAR_PERSON_NAME = "personName";

	public static final String VAR_SYSTEM_NAME = "systemName";

	public static final String VAR_ENTITLEMENT = "entitlement";

	public static final String VAR_ESCALATED_TO = "escalatedTo";

	// the variables, typed (the BPMN model and the tests know them by the names above)

	public static final ProcessVariable<String> CAMPAIGN_NAME = ProcessVariable.string(VAR_CAMPAIGN_NAME);

	public static final ProcessVariable<Instant> REQUESTED_DEADLINE = instant(VAR_REQUESTED_DEADLINE);

	public static final ProcessVariable<UnansweredRule> UNANSWERED_RULE = ProcessVariable.string(VAR_UNANSWERED_RULE)
		.as(UnansweredRule::valueOf, UnansweredRule::name);

	public static final ProcessVariable<String> STARTED_BY = ProcessVariable.string(VAR_STARTED_BY);

	/** Why the lead starts a campaign beside another of the quarter (null when none). */
	public static final ProcessVariable<String> OVERLAP_REASON = ProcessVariable.string(VAR_OVERLAP_REASON);

	public static final ProcessVariable<CampaignId> CAMPAIGN_ID = ProcessVariable.string(VAR_CAMPAIGN_ID)
		.as(CampaignId::of, CampaignId::toString);

	public static final ProcessVariable<List<String>> REVIEWERS = ProcessVariable.list(VAR_REVIEWERS, String.class);

	public static final ProcessVariable<String> REVIEWER = ProcessVariable.string(VAR_REVIEWER);

	public static final ProcessVariable<Instant> FIRST_REMINDER_AT = instant(VAR_FIRST_REMINDER_AT);

	public static final ProcessVariable<Instant> SECOND_REMINDER_AT = instant(VAR_SECOND_REMINDER_AT);

	public static final ProcessVariable<Instant> DEADLINE = instant(VAR_DEADLINE);

	public static final ProcessVariable<Instant> CLOSE_OUT_AT = instant(VAR_CLOSE_OUT_AT);

	/** The ids of the items whose revoke or reduce waits for remediation. */
	public static final ProcessVariable<List<String>> REVOCATIONS = ProcessVariable.list(VAR_REVOCATIONS, String.class);

	/** One item id, the element of the multi-instance remediation. */
	public static final ProcessVariable<ReviewItemId> ITEM = ProcessVariable.string(VAR_ITEM)
		.as(ReviewItemId::of, ReviewItemId::toString);

	public static final ProcessVariable<ConnectorType> CONNECTOR = ProcessVariable.string(VAR_CONNECTOR)
		.as(ConnectorType::valueOf, ConnectorType::name);

	public static final ProcessVariable<RemediationRoute> REMEDIATION_ROUTE = ProcessVariable
		.string(VAR_REMEDIATION_ROUTE)
		.as(RemediationRoute::valueOf, RemediationRoute::name);

	public static final ProcessVariable<String> SYSTEM_OWNER = ProcessVariable.string(VAR_SYSTEM_OWNER);

	/** Whose access one revocation removes (the manual task's name). */
	public static final ProcessVariable<String> PERSON_NAME = ProcessVariable.string(VAR_PERSON_NAME);

	/** On which system (the manual task's name). */
	public static final ProcessVariable<String> SYSTEM_NAME = ProcessVariable.string(VAR_SYSTEM_NAME);

	/** Which role (the manual task's name). */
	public static final ProcessVariable<String> ENTITLEMENT = ProcessVariable.string(VAR_ENTITLEMENT);

	public static final ProcessVariable<String> ESCALATED_TO = ProcessVariable.string(VAR_ESCALATED_TO);

	/**
	 * The candidate group of compliance leads (sign-off, and manual remediation when the
	 * owner cannot act).
	 */
	public static final String GROUP_COMPLIANCE_LEAD = "compliance-lead";

	/** The actor recorded for what the process does by itself. */
	public static final String PROCESS_ACTOR = "system:access-review";

	/** The actor of a campaign started by the quarterly timer. */
	public static final String SCHEDULER_ACTOR = "system:scheduler";

	private AccessReviewProcess() {
	}

	/** Timers wait for dates: stored as a Date, seen as an Instant. */
	private static ProcessVariable<Instant> instant(String name) {
		return ProcessVariable.of(name, Date.class).as(Date::toInstant, Date::from);
	}

}
