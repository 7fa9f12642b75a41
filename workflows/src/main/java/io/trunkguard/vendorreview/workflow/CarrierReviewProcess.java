package io.trunkguard.vendorreview.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The annual carrier review ({@code bpmn/vendorreview/carrier-review.bpmn}) and its daily
 * schedule: keys, element ids and typed variables. The business key is the review id;
 * variables hold ids, dates and decisions, never entities.
 */
public final class CarrierReviewProcess {

	public static final String KEY = "carrier-review";

	public static final String RESOURCE = "bpmn/vendorreview/carrier-review.bpmn";

	public static final String SCHEDULE_KEY = "carrier-review-schedule";

	public static final String SCHEDULE_RESOURCE = "bpmn/vendorreview/carrier-review-schedule.bpmn";

	public static final String START_REVIEW_STARTED = "StartEvent_ReviewStarted";

	public static final String TASK_SEND_QUESTIONNAIRE = "Task_SendQuestionnaire";

	public static final String GATEWAY_QUESTIONNAIRE_OUTCOME = "Gateway_QuestionnaireOutcome";

	public static final String MESSAGE_QUESTIONNAIRE_SUBMITTED = "Message_QuestionnaireSubmitted";

	public static final String EVENT_QUESTIONNAIRE_SUBMITTED = "Event_QuestionnaireSubmitted";

	public static final String TIMER_QUESTIONNAIRE_EXPIRED = "Timer_QuestionnaireExpired";

	public static final String TASK_NOTE_QUESTIONNAIRE_EXPIRED = "Task_NoteQuestionnaireExpired";

	public static final String TASK_QUESTIONNAIRE_EXPIRED = "Task_QuestionnaireExpired";

	public static final String TASK_RESEND_QUESTIONNAIRE = "Task_ResendQuestionnaire";

	public static final String TASK_REVIEW_SOC_REPORT = "Task_ReviewSocReport";

	public static final String TASK_CHECK_DOCUMENTS = "Task_CheckDocuments";

	public static final String TASK_DECIDE = "Task_Decide";

	public static final String TASK_NOTIFY_OWNER = "Task_NotifyOwner";

	public static final String TASK_WRITE_RECORD = "Task_WriteRecord";

	public static final String TASK_SCHEDULE_NEXT = "Task_ScheduleNext";

	public static final String EVENT_REVIEW_COMPLETED = "Event_ReviewCompleted";

	public static final String SCHEDULE_START = "StartEvent_EveryMorning";

	public static final String TASK_START_DUE_REVIEWS = "Task_StartDueReviews";

	public static final String TASK_REMIND_QUESTIONNAIRES = "Task_RemindQuestionnaires";

	public static final String TASK_WATCH_EXPIRIES = "Task_WatchExpiries";

	public static final String GROUP_COMPLIANCE_LEAD = "compliance-lead";

	public static final String VAR_REVIEW_ID = "reviewId";

	public static final String VAR_QUESTIONNAIRE_SENT = "questionnaireSent";

	public static final String VAR_QUESTIONNAIRE_EXPIRES_AT = "questionnaireExpiresAt";

	public static final String VAR_RESEND_QUESTIONNAIRE = "resendQuestionnaire";

	/** The decision's name, e.g. {@code APPROVED_WITH_CONDITIONS}. */
	public static final String VAR_DECISION = "decision";

	private CarrierReviewProcess() {
	}

	static UUID reviewId(DelegateExecution execution) {
		return UUID.fromString((String) execution.getVariable(VAR_REVIEW_ID));
	}

	static void setQuestionnaireExpiresAt(DelegateExecution execution, Instant expiresAt) {
		execution.setVariable(VAR_QUESTIONNAIRE_EXPIRES_AT, Date.from(expiresAt));
	}

	static void setQuestionnaireSent(DelegateExecution execution, boolean sent) {
		execution.setVariable(VAR_QUESTIONNAIRE_SENT, sent);
	}

}
