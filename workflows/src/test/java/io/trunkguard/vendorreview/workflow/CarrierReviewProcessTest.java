package io.trunkguard.vendorreview.workflow;

import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.CarrierReviewTasks;
import io.trunkguard.vendorreview.Decision;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static io.trunkguard.vendorreview.workflow.CarrierReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of the annual carrier review and of its daily schedule on an in-memory
 * engine. The review service is a Mockito mock (the delegates and the user-task port are
 * real); timers and the async record step run by executing their jobs.
 */
@Deployment(resources = { RESOURCE, SCHEDULE_RESOURCE })
class CarrierReviewProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	CarrierReviewService reviews = mock(CarrierReviewService.class);

	QuestionnaireService questionnaires = mock(QuestionnaireService.class);

	io.trunkguard.vendorreview.CarrierWatch watch = mock(io.trunkguard.vendorreview.CarrierWatch.class);

	java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2027-03-01T05:00:00Z"), java.time.ZoneOffset.UTC);

	UUID reviewId = UUID.randomUUID();

	Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

	CarrierReviewTasks tasks;

	CarrierReviewProcessLauncher launcher;

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		Mocks.register("sendQuestionnaireDelegate", new SendQuestionnaireDelegate(reviews));
		Mocks.register("noteQuestionnaireExpiredDelegate", new NoteQuestionnaireExpiredDelegate(reviews));
		Mocks.register("resendQuestionnaireDelegate", new ResendQuestionnaireDelegate(reviews));
		Mocks.register("checkDocumentsDelegate", new CheckDocumentsDelegate(reviews));
		Mocks.register("notifyOwnerDelegate", new NotifyOwnerDelegate(reviews));
		Mocks.register("writeRecordDelegate", new WriteRecordDelegate(reviews));
		Mocks.register("scheduleNextReviewDelegate", new ScheduleNextReviewDelegate(reviews));
		Mocks.register("startDueReviewsDelegate", new StartDueReviewsDelegate(reviews));
		Mocks.register("remindQuestionnairesDelegate", new RemindQuestionnairesDelegate(questionnaires));
		org.springframework.beans.factory.support.StaticListableBeanFactory clocks = new org.springframework.beans.factory.support.StaticListableBeanFactory();
		clocks.addBean("clock", clock);
		Mocks.register("watchExpiriesDelegate",
				new WatchExpiriesDelegate(watch, clocks.getBeanProvider(java.time.Clock.class)));
		tasks = new CamundaCarrierReviewTasks(taskService());
		launcher = new CarrierReviewProcessLauncher(runtimeService(), historyService());
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	ProcessInstance startWithQuestionnaire() {
		when(reviews.sendQuestionnaire(reviewId)).thenReturn(Optional.of(expiry));
		assertThat(launcher.launch(reviewId.toString())).isTrue();
		assertThat(launcher.launch(reviewId.toString())).isFalse();
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt(GATEWAY_QUESTIONNAIRE_OUTCOME);
		return instance;
	}

	ProcessInstance instance() {
		return runtimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(reviewId.toString())
			.singleResult();
	}

	void submitQuestionnaireAndReviewReport(ProcessInstance instance) {
		launcher.submitted(reviewId.toString());
		assertThat(instance).isWaitingAt(TASK_REVIEW_SOC_REPORT);
		assertThat(task()).hasCandidateGroup(GROUP_COMPLIANCE_LEAD);
		assertThat(tasks.openTask(reviewId)).contains(CarrierReviewTasks.Kind.SOC_REPORT_REVIEW);
		tasks.completeSocReportReview(reviewId);
		assertThat(instance).isWaitingAt(TASK_DECIDE);
		verify(reviews).checkDocuments(reviewId);
	}

	void writeRecordAndFinish(ProcessInstance instance) {
		assertThat(instance).isWaitingAt(TASK_WRITE_RECORD);
		execute(job());
		assertThat(instance).isEnded();
		var order = inOrder(reviews);
		order.verify(reviews).writeRecord(reviewId);
		order.verify(reviews).complete(reviewId);
	}

	@Test
	void approvesAfterTheQuestionnaireAndTheReportAndSchedulesTheNextReview() {
		ProcessInstance instance = startWithQuestionnaire();
		submitQuestionnaireAndReviewReport(instance);

		tasks.completeDecision(reviewId, Decision.APPROVED);

		writeRecordAndFinish(instance);
		assertThat(instance).hasPassedInOrder(TASK_SEND_QUESTIONNAIRE, EVENT_QUESTIONNAIRE_SUBMITTED,
				TASK_REVIEW_SOC_REPORT, TASK_CHECK_DOCUMENTS, TASK_DECIDE, TASK_WRITE_RECORD, TASK_SCHEDULE_NEXT,
				EVENT_REVIEW_COMPLETED);
		assertThat(instance).hasNotPassed(TASK_NOTIFY_OWNER, TASK_QUESTIONNAIRE_EXPIRED);
	}

	@Test
	void approvesWithConditionsAfterAQualifiedOpinionWithoutTellingTheOwnerOfARejection() {
		ProcessInstance instance = startWithQuestionnaire();
		submitQuestionnaireAndReviewReport(instance);

		tasks.completeDecision(reviewId, Decision.APPROVED_WITH_CONDITIONS);

		writeRecordAndFinish(instance);
		assertThat(instance).variables().containsEntry(VAR_DECISION, "APPROVED_WITH_CONDITIONS");
		assertThat(instance).hasNotPassed(TASK_NOTIFY_OWNER);
	}

	@Test
	void rejectsTellsTheOwnerAndStillStoresTheRecord() {
		ProcessInstance instance = startWithQuestionnaire();
		submitQuestionnaireAndReviewReport(instance);

		tasks.completeDecision(reviewId, Decision.REJECTED);

		verify(reviews).notifyRejection(reviewId);
		writeRecordAndFinish(instance);
		assertThat(instance).hasPassedInOrder(TASK_DECIDE, TASK_NOTIFY_OWNER, TASK_WRITE_RECORD);
	}

	@Test
	void asksTheLeadWhenTheQuestionnaireExpiresThenWaitsForTheResentOne() {
		Instant later = expiry.plus(30, ChronoUnit.DAYS);
		when(reviews.resendQuestionnaire(reviewId)).thenReturn(later);
		ProcessInstance instance = startWithQuestionnaire();
		Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(expiry);

		execute(timer);

		verify(reviews).noteQuestionnaireExpired(reviewId);
		assertThat(instance).isWaitingAt(TASK_QUESTIONNAIRE_EXPIRED);
		assertThat(task()).hasCandidateGroup(GROUP_COMPLIANCE_LEAD);
		tasks.completeQuestionnaireExpired(reviewId, true);

		verify(reviews).resendQuestionnaire(reviewId);
		assertThat(instance).isWaitingAt(GATEWAY_QUESTIONNAIRE_OUTCOME);
		assertThat(managementService().createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.singleResult()
			.getDuedate()
			.toInstant()).isEqualTo(later);
		submitQuestionnaireAndReviewReport(instance);
		tasks.completeDecision(reviewId, Decision.APPROVED);
		writeRecordAndFinish(instance);
	}

	@Test
	void continuesWithoutAnExpiredQuestionnaireWhenTheLeadSaysSo() {
		ProcessInstance instance = startWithQuestionnaire();
		execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());

		tasks.completeQuestionnaireExpired(reviewId, false);

		assertThat(instance).isWaitingAt(TASK_REVIEW_SOC_REPORT);
		verify(reviews, never()).resendQuestionnaire(reviewId);
		assertThat(instance).hasNotPassed(EVENT_QUESTIONNAIRE_SUBMITTED);
	}

	@Test
	void goesStraightToTheReportReviewWhenTheCarrierHasNoContact() {
		when(reviews.sendQuestionnaire(reviewId)).thenReturn(Optional.empty());
		launcher.launch(reviewId.toString());

		assertThat(instance()).isWaitingAt(TASK_REVIEW_SOC_REPORT);
		assertThat(instance()).variables().containsEntry(VAR_QUESTIONNAIRE_SENT, false);
	}

	@Test
	void aSubmissionForAReviewWithoutAWaitingProcessChangesNothing() {
		launcher.submitted(UUID.randomUUID().toString());
		assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
	}

	@Test
	void theDailyScheduleStartsDueReviewsRemindsContactsAndWatchesExpiries() {
		Job timer = managementService().createJobQuery().timers().singleResult();
		assertThat(timer).isNotNull();
		when(reviews.startDueReviews()).thenReturn(2);

		execute(timer);

		verify(reviews).startDueReviews();
		verify(questionnaires).remindBeforeExpiry();
		verify(watch).remindExpiringDocuments(java.time.LocalDate.parse("2027-03-01"));
		verify(watch).escalateOverdueConditions(java.time.LocalDate.parse("2027-03-01"));
		assertThat(historyService().createHistoricProcessInstanceQuery()
			.processDefinitionKey(SCHEDULE_KEY)
			.finished()
			.count()).isEqualTo(1);
		assertThat(managementService().createJobQuery().timers().count()).isEqualTo(1);
	}

}
