package io.trunkguard.review.workflow;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.PersonId;
import io.trunkguard.review.CampaignEndedEarly;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignProgress;
import io.trunkguard.review.ItemReassigned;
import io.trunkguard.review.CampaignSchedule;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.RemediationService;
import io.trunkguard.review.ReviewReminderService;
import io.trunkguard.review.CampaignSignedOff;
import io.trunkguard.review.Decision;
import io.trunkguard.review.ItemRemediated;
import io.trunkguard.review.RemediationRequest;
import io.trunkguard.review.RemediationRoute;
import io.trunkguard.review.RemediationStatus;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.ReviewSubmitted;
import io.trunkguard.review.UnansweredRule;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.trunkguard.review.workflow.AccessReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of the access review process on an in-memory engine. The domain services are
 * Mockito mocks (the delegates are real); timers and async steps are driven by executing
 * their jobs.
 */
@Deployment(resources = RESOURCE)
class AccessReviewProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
	static final ReviewItemId KEYCLOAK_ITEM = ReviewItemId.random();
	static final ReviewItemId MANUAL_ITEM = ReviewItemId.random();

	CampaignLifecycleService lifecycle = mock(CampaignLifecycleService.class);

	CampaignQueryService queries = mock(CampaignQueryService.class);

	ReviewReminderService reminders = mock(ReviewReminderService.class);

	RemediationService remediation = mock(RemediationService.class);

	ReviewCampaign campaign;

	CampaignId id;

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		campaign = ReviewCampaign.open(CampaignId.random(), "Q4 review", NOW.plus(Duration.ofDays(14)),
				UnansweredRule.REVOKE, Duration.ofDays(90), null, "compliance-lead", Clock.systemUTC());
		id = campaign.getId();
		when(lifecycle.start(anyString(), any(), any(), any(), anyString())).thenReturn(campaign);
		when(lifecycle.startScheduled(anyString())).thenReturn(campaign);
		when(lifecycle.schedule(id))
			.thenReturn(new CampaignSchedule(List.of(NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(12))),
					NOW.plus(Duration.ofDays(14)), NOW.plus(Duration.ofDays(21))));
		when(queries.reviewers(id)).thenReturn(List.of("olga", "manny"));
		when(remediation.pendingRemediations(id)).thenReturn(List.of());
		when(remediation.remediationOf(KEYCLOAK_ITEM)).thenReturn(request(KEYCLOAK_ITEM, ConnectorType.KEYCLOAK));
		when(remediation.remediationOf(MANUAL_ITEM)).thenReturn(request(MANUAL_ITEM, ConnectorType.MANUAL));
		when(remediation.routeRemediation(KEYCLOAK_ITEM)).thenReturn(RemediationRoute.AUTOMATIC);
		when(remediation.routeRemediation(MANUAL_ITEM)).thenReturn(RemediationRoute.MANUAL);
		when(reminders.escalate(id, "olga")).thenReturn("manny");

		Mocks.register("accessReviewSchedule", new AccessReviewSchedule(AccessReviewProcessProperties.QUARTERLY));
		Mocks.register("freezeScopeDelegate", new FreezeScopeDelegate(lifecycle, queries));
		Mocks.register("remindReviewerDelegate", new RemindReviewerDelegate(reminders));
		Mocks.register("escalateReviewDelegate", new EscalateReviewDelegate(reminders));
		Mocks.register("applyUnansweredRuleDelegate", new ApplyUnansweredRuleDelegate(lifecycle));
		Mocks.register("listRevocationsDelegate", new ListRevocationsDelegate(remediation));
		Mocks.register("lookUpRemediationDelegate", new LookUpRemediationDelegate(remediation));
		Mocks.register("removeAccessDelegate", new RemoveAccessDelegate(remediation));
		Mocks.register("closeCampaignDelegate", new CloseCampaignDelegate(lifecycle));
		Mocks.register("requestCampaignReportDelegate", new RequestCampaignReportDelegate(lifecycle));
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	ReviewTaskCompleter completer() {
		return new ReviewTaskCompleter(taskService(), runtimeService(), queries);
	}

	RemediationRequest request(ReviewItemId item, ConnectorType connector) {
		return new RemediationRequest(item, id, GrantId.random(), PersonId.random(), "harry", SystemId.random(),
				connector == ConnectorType.KEYCLOAK ? "Keycloak Identity Provider" : "Edge SBC Cluster", connector,
				"sbc-admin", Decision.REVOKE, null, "olga", "Daniel Reyes");
	}

	ProcessInstance launch(UnansweredRule rule) {
		CampaignId launched = new AccessReviewProcessLauncher(runtimeService(), lifecycle).launch("Q4 review",
				NOW.plus(Duration.ofDays(14)), rule, "compliance-lead");
		org.assertj.core.api.Assertions.assertThat(launched).isEqualTo(id);
		return instance();
	}

	ProcessInstance instance() {
		return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).singleResult();
	}

	Task reviewTaskOf(String reviewer) {
		return taskService().createTaskQuery()
			.processInstanceBusinessKey(id.toString())
			.taskDefinitionKey(TASK_REVIEW_GRANTS)
			.taskCandidateUser(reviewer)
			.singleResult();
	}

	void submitAll(ProcessInstance instance) {
		for (String reviewer : List.of("olga", "manny")) {
			complete(reviewTaskOf(reviewer));
		}
		assertThat(instance).isWaitingAt(TASK_APPLY_UNANSWERED_RULE);
		execute(job(TASK_APPLY_UNANSWERED_RULE, instance));
	}

	void closeAndSignOff(ProcessInstance instance) {
		assertThat(instance).isWaitingAt(TASK_CLOSE_CAMPAIGN);
		execute(job(TASK_CLOSE_CAMPAIGN, instance));
		assertThat(instance).isWaitingAt(TASK_SIGN_OFF);
		assertThat(task(TASK_SIGN_OFF, instance)).hasCandidateGroup(GROUP_COMPLIANCE_LEAD);
		complete(task(TASK_SIGN_OFF, instance));
		assertThat(instance).isWaitingAt(TASK_GENERATE_REPORT);
		execute(job(TASK_GENERATE_REPORT, instance));
		assertThat(instance).isEnded().hasPassed(EVENT_CAMPAIGN_SIGNED_OFF);
		verify(lifecycle).close(id, PROCESS_ACTOR);
		verify(lifecycle).requestReport(id);
	}

	@Test
	void refusesAPastDeadlineBeforeTheEngineStartsAnything() {
		Instant past = NOW.minus(Duration.ofDays(1));
		doThrow(new io.trunkguard.shared.InvalidInputException("campaign.deadline-past",
				"the deadline is not in the future"))
			.when(lifecycle)
			.checkTerms("Q4 review", past, null);
		assertThatThrownBy(() -> new AccessReviewProcessLauncher(runtimeService(), lifecycle).launch("Q4 review", past,
				UnansweredRule.REVOKE, "compliance-lead"))
			.hasMessageContaining("not in the future");
		org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
		verify(lifecycle, never()).start(anyString(), any(), any(), any(), anyString());
	}

	@Test
	void allKeptGoesStraightFromReviewToSignOff() {
		ProcessInstance instance = launch(UnansweredRule.REVOKE);

		assertThat(instance).isStarted()
			.hasBusinessKey(id.toString())
			.isWaitingAt(TASK_REVIEW_GRANTS)
			.variables()
			.containsEntry(VAR_CAMPAIGN_ID, id.toString());
		assertThat(reviewTaskOf("olga")).hasName("Review the access routed to olga: keep, revoke or reduce")
			.hasCandidateUser("olga")
			.hasDueDate(java.util.Date.from(NOW.plus(Duration.ofDays(14))));
		assertThat(reviewTaskOf("manny")).hasCandidateUser("manny");
		verify(lifecycle).start("Q4 review", NOW.plus(Duration.ofDays(14)), UnansweredRule.REVOKE, null,
				"compliance-lead");

		submitAll(instance);
		closeAndSignOff(instance);

		assertThat(instance)
			.hasPassedInOrder(TASK_FREEZE_SCOPE, TASK_REVIEW_GRANTS, TASK_APPLY_UNANSWERED_RULE, TASK_LIST_REVOCATIONS,
					TASK_CLOSE_CAMPAIGN, TASK_SIGN_OFF, TASK_GENERATE_REPORT, EVENT_CAMPAIGN_SIGNED_OFF)
			.hasNotPassed(TASK_SEND_REMINDER, TASK_ESCALATE, TASK_LOOK_UP_REMEDIATION, TASK_REMOVE_ACCESS_AUTOMATICALLY,
					TASK_CONFIRM_MANUAL_REMOVAL);
		verify(lifecycle).applyUnansweredRule(id);
		verify(reminders, never()).remind(any(), anyString());
	}

	@Test
	void revocationsOnKeycloakSystemsAreRemediatedAutomatically() {
		when(remediation.pendingRemediations(id)).thenReturn(List.of(KEYCLOAK_ITEM));
		ProcessInstance instance = launch(UnansweredRule.REVOKE);
		submitAll(instance);

		assertThat(instance).isWaitingAt(TASK_REMOVE_ACCESS_AUTOMATICALLY);
		execute(job(TASK_REMOVE_ACCESS_AUTOMATICALLY, instance));

		verify(remediation).remediateAutomatically(KEYCLOAK_ITEM);
		assertThat(instance)
			.hasPassedInOrder(TASK_LOOK_UP_REMEDIATION, TASK_REMOVE_ACCESS_AUTOMATICALLY, EVENT_ACCESS_REMOVED)
			.hasNotPassed(TASK_CONFIRM_MANUAL_REMOVAL);
		closeAndSignOff(instance);
	}

	@Test
	void failedAutomaticRemediationIsRetriedThenRaisesAnIncidentAndResumes() {
		when(remediation.pendingRemediations(id)).thenReturn(List.of(KEYCLOAK_ITEM));
		doThrow(new IllegalStateException("Keycloak is unreachable")).when(remediation)
			.remediateAutomatically(KEYCLOAK_ITEM);
		ProcessInstance instance = launch(UnansweredRule.REVOKE);
		submitAll(instance);

		Job removal = job(TASK_REMOVE_ACCESS_AUTOMATICALLY, instance);
		for (int attempt = 0; attempt < 5; attempt++) {
			String jobId = removal.getId();
			assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("unreachable");
		}
		Job exhausted = managementService().createJobQuery().jobId(removal.getId()).singleResult();
		org.assertj.core.api.Assertions.assertThat(exhausted.getRetries()).isZero();
		org.assertj.core.api.Assertions
			.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
			.isEqualTo(1);
		assertThat(instance).isWaitingAt(TASK_REMOVE_ACCESS_AUTOMATICALLY);

		// Keycloak is back: an operator retries from Cockpit
		reset(lifecycle, queries, reminders, remediation);
		managementService().setJobRetries(removal.getId(), 1);
		execute(managementService().createJobQuery().jobId(removal.getId()).singleResult());

		verify(remediation).remediateAutomatically(KEYCLOAK_ITEM);
		assertThat(instance).isWaitingAt(TASK_CLOSE_CAMPAIGN);
	}

	@Test
	void revocationsOnManualSystemsWaitForTheOwnersConfirmation() {
		when(remediation.pendingRemediations(id)).thenReturn(List.of(MANUAL_ITEM));
		ProcessInstance instance = launch(UnansweredRule.REVOKE);
		submitAll(instance);

		assertThat(instance).isWaitingAt(TASK_CONFIRM_MANUAL_REMOVAL);
		assertThat(task(TASK_CONFIRM_MANUAL_REMOVAL, instance))
			.hasName("Remove the role sbc-admin of Daniel Reyes on Edge SBC Cluster by hand and confirm")
			.hasCandidateUser("olga")
			.hasCandidateGroup(GROUP_COMPLIANCE_LEAD);
		completer().on(new ItemRemediated(MANUAL_ITEM, id, GrantId.random(), RemediationStatus.REMEDIATED,
				"removed by hand, OPS-7", "olga", NOW));

		assertThat(instance)
			.hasPassedInOrder(TASK_LOOK_UP_REMEDIATION, TASK_CONFIRM_MANUAL_REMOVAL, EVENT_ACCESS_REMOVED)
			.hasNotPassed(TASK_REMOVE_ACCESS_AUTOMATICALLY);
		verify(remediation, never()).remediateAutomatically(any());
		closeAndSignOff(instance);
	}

	@Test
	void keycloakRevocationsWithoutAConfiguredConnectorGoToTheOwnerInsteadOfAnIncident() {
		// the embedded default: the system has the Keycloak connector, but no
		// RemediationPort serves it
		when(remediation.routeRemediation(KEYCLOAK_ITEM)).thenReturn(RemediationRoute.MANUAL);
		when(remediation.pendingRemediations(id)).thenReturn(List.of(KEYCLOAK_ITEM));
		ProcessInstance instance = launch(UnansweredRule.REVOKE);
		submitAll(instance);

		assertThat(instance).isWaitingAt(TASK_CONFIRM_MANUAL_REMOVAL);
		verify(remediation).routeRemediation(KEYCLOAK_ITEM);
		assertThat(task(TASK_CONFIRM_MANUAL_REMOVAL, instance)).hasCandidateUser("olga")
			.hasCandidateGroup(GROUP_COMPLIANCE_LEAD);
		org.assertj.core.api.Assertions
			.assertThat(managementService().createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(TASK_REMOVE_ACCESS_AUTOMATICALLY)
				.count())
			.isZero();
		org.assertj.core.api.Assertions
			.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
			.isZero();
		completer().on(new ItemRemediated(KEYCLOAK_ITEM, id, GrantId.random(), RemediationStatus.REMEDIATED,
				"removed by hand in the Keycloak console", "olga", NOW));

		assertThat(instance)
			.hasPassedInOrder(TASK_LOOK_UP_REMEDIATION, TASK_CONFIRM_MANUAL_REMOVAL, EVENT_ACCESS_REMOVED)
			.hasNotPassed(TASK_REMOVE_ACCESS_AUTOMATICALLY);
		verify(remediation, never()).remediateAutomatically(any());
		closeAndSignOff(instance);
	}

	@Test
	void anAcceptedRevocationAlsoCompletesTheManualTask() {
		when(remediation.pendingRemediations(id)).thenReturn(List.of(MANUAL_ITEM));
		ProcessInstance instance = launch(UnansweredRule.REVOKE);
		submitAll(instance);
		assertThat(instance).isWaitingAt(TASK_CONFIRM_MANUAL_REMOVAL);

		completer().on(new ItemRemediated(MANUAL_ITEM, id, GrantId.random(), RemediationStatus.ACCEPTED,
				"risk accepted until the SBC is replaced in Q1", "compliance-lead", NOW));

		assertThat(instance).hasPassed(EVENT_ACCESS_REMOVED).isWaitingAt(TASK_CLOSE_CAMPAIGN);
		closeAndSignOff(instance);
	}

	@Test
	void reassignedItemsGiveTheNewReviewerAnInboxTaskAndReleaseTheOldOne() {
		ProcessInstance instance = launch(UnansweredRule.REVOKE);
		when(queries.progressOf(id, "olga")).thenReturn(new CampaignProgress(0, 0, 0, 0));

		completer().on(new ItemReassigned(ReviewItemId.random(), id, "olga", "rita", "compliance-lead", NOW));
		completer().on(new ItemReassigned(ReviewItemId.random(), id, "olga", "rita", "compliance-lead", NOW));

		org.assertj.core.api.Assertions.assertThat(reviewTaskOf("olga")).isNull();
		assertThat(reviewTaskOf("rita")).hasCandidateUser("rita")
			.hasDueDate(java.util.Date.from(NOW.plus(Duration.ofDays(14))));
		org.assertj.core.api.Assertions
			.assertThat(taskService().createTaskQuery()
				.processInstanceId(instance.getId())
				.taskDefinitionKey(TASK_REVIEW_GRANTS)
				.count())
			.isEqualTo(2);
		// the new reviewer's task has the reminder and deadline timers like the others
		org.assertj.core.api.Assertions
			.assertThat(managementService().createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(TIMER_DEADLINE)
				.count())
			.isEqualTo(2);

		completer().on(new ReviewSubmitted(id, PersonId.random(), "manny", 2, NOW));
		assertThat(instance).isWaitingAt(TASK_REVIEW_GRANTS);
		completer().on(new ReviewSubmitted(id, PersonId.random(), "rita", 3, NOW));
		assertThat(instance).isWaitingAt(TASK_APPLY_UNANSWERED_RULE);
	}

	@Test
	void aReviewerWithItemsLeftKeepsTheirTaskAfterAPartialReassignment() {
		launch(UnansweredRule.REVOKE);
		when(queries.progressOf(id, "olga")).thenReturn(new CampaignProgress(4, 1, 0, 0));

		completer().on(new ItemReassigned(ReviewItemId.random(), id, "olga", "manny", "compliance-lead", NOW));

		assertThat(reviewTaskOf("olga")).isNotNull();
		org.assertj.core.api.Assertions
			.assertThat(taskService().createTaskQuery()
				.processInstanceBusinessKey(id.toString())
				.taskDefinitionKey(TASK_REVIEW_GRANTS)
				.count())
			.isEqualTo(2);
	}

	@Test
	void remindsBeforeTheDeadlineThenEscalatesAfterIt() {
		when(queries.reviewers(id)).thenReturn(List.of("olga"));
		ProcessInstance instance = launch(UnansweredRule.CARRY_OVER);

		execute(job(TIMER_FIRST_REMINDER, instance));
		assertThat(instance).isWaitingAt(TASK_REVIEW_GRANTS).hasPassed(TASK_SEND_REMINDER).hasNotPassed(TASK_ESCALATE);
		execute(job(TIMER_SECOND_REMINDER, instance));
		verify(reminders, times(2)).remind(id, "olga");
		assertThat(instance).isWaitingAt(TASK_REVIEW_GRANTS).hasNotPassed(TASK_ESCALATE);

		execute(job(TIMER_DEADLINE, instance));

		verify(reminders).escalate(id, "olga");
		assertThat(instance).isWaitingAt(TASK_REVIEW_GRANTS).hasPassed(TASK_ESCALATE);
		org.assertj.core.api.Assertions
			.assertThat(historyService().createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.variableName(VAR_ESCALATED_TO)
				.singleResult()
				.getValue())
			.isEqualTo("manny");
		// the reviewer can still submit after the escalation
		complete(reviewTaskOf("olga"));
		assertThat(instance).isWaitingAt(TASK_APPLY_UNANSWERED_RULE);
	}

	@Test
	void unansweredItemsAreRevokedAtCloseOutUnderTheRevokeRule() {
		ProcessInstance instance = launch(UnansweredRule.REVOKE);
		complete(reviewTaskOf("manny"));
		// the domain revoked olga's unanswered items: they are pending remediation
		when(remediation.pendingRemediations(id)).thenReturn(List.of(MANUAL_ITEM));

		execute(job(TIMER_CLOSE_OUT, instance));

		assertThat(instance).isWaitingAt(TASK_APPLY_UNANSWERED_RULE);
		org.assertj.core.api.Assertions.assertThat(reviewTaskOf("olga")).isNull();
		execute(job(TASK_APPLY_UNANSWERED_RULE, instance));
		verify(lifecycle).applyUnansweredRule(id);
		assertThat(instance).isWaitingAt(TASK_CONFIRM_MANUAL_REMOVAL);
		complete(task(TASK_CONFIRM_MANUAL_REMOVAL, instance));
		closeAndSignOff(instance);
		verify(lifecycle).start(anyString(), any(), eq(UnansweredRule.REVOKE), any(), anyString());
	}

	@Test
	void unansweredItemsAreCarriedOverAtCloseOutUnderTheCarryOverRule() {
		ProcessInstance instance = launch(UnansweredRule.CARRY_OVER);

		execute(job(TIMER_CLOSE_OUT, instance));
		execute(job(TASK_APPLY_UNANSWERED_RULE, instance));

		verify(lifecycle).applyUnansweredRule(id);
		assertThat(instance).isWaitingAt(TASK_CLOSE_CAMPAIGN)
			.hasPassed(TIMER_CLOSE_OUT, TASK_LIST_REVOCATIONS)
			.hasNotPassed(TASK_LOOK_UP_REMEDIATION);
		closeAndSignOff(instance);
		verify(lifecycle).start(anyString(), any(), eq(UnansweredRule.CARRY_OVER), any(), anyString());
	}

	@Test
	void quarterlyTimerStartsACampaignWithTheDefaults() {
		Job timer = managementService().createJobQuery().activityId(START_QUARTERLY).singleResult();
		LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
		org.assertj.core.api.Assertions.assertThat(due.getDayOfMonth()).isEqualTo(1);
		org.assertj.core.api.Assertions.assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
		org.assertj.core.api.Assertions.assertThat(due.getHour()).isEqualTo(6);

		execute(timer);

		verify(lifecycle).startScheduled(SCHEDULER_ACTOR);
		ProcessInstance instance = instance();
		assertThat(instance).hasPassed(START_QUARTERLY, TASK_FREEZE_SCOPE).isWaitingAt(TASK_REVIEW_GRANTS);
	}

	@Test
	void endingReviewsEarlyReleasesEveryInboxTaskAndGoesOnToCloseAndSignOff() {
		ProcessInstance instance = launch(UnansweredRule.CARRY_OVER);
		complete(reviewTaskOf("manny"));

		completer().on(new CampaignEndedEarly(id, "auditors arrive Monday", UnansweredRule.CARRY_OVER, 4,
				"compliance-lead", NOW));

		org.assertj.core.api.Assertions.assertThat(reviewTaskOf("olga")).isNull();
		assertThat(instance).isWaitingAt(TASK_APPLY_UNANSWERED_RULE);
		execute(job(TASK_APPLY_UNANSWERED_RULE, instance));
		assertThat(instance).hasNotPassed(TIMER_CLOSE_OUT);
		closeAndSignOff(instance);
	}

	@Test
	void submissionsAndSignOffCompleteTheirInboxTasks() {
		ProcessInstance instance = launch(UnansweredRule.CARRY_OVER);
		ReviewTaskCompleter completer = completer();

		completer.on(new ReviewSubmitted(id, PersonId.random(), "olga", 3, NOW));

		org.assertj.core.api.Assertions.assertThat(reviewTaskOf("olga")).isNull();
		org.assertj.core.api.Assertions.assertThat(reviewTaskOf("manny")).isNotNull();
		completer.on(new ReviewSubmitted(id, PersonId.random(), "manny", 2, NOW));
		execute(job(TASK_APPLY_UNANSWERED_RULE, instance));
		execute(job(TASK_CLOSE_CAMPAIGN, instance));
		completer.on(new CampaignSignedOff(id, "compliance-lead", null, NOW));
		assertThat(instance).isWaitingAt(TASK_GENERATE_REPORT);
		// a sign-off for another campaign touches nothing
		completer.on(new CampaignSignedOff(CampaignId.random(), "compliance-lead", null, NOW));
	}

}
