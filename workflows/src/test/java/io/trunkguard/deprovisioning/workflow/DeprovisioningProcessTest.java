package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.GrantRemoval;
import io.trunkguard.deprovisioning.Verification;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of the deprovisioning process on an in-memory engine. The domain service is
 * a Mockito mock (the delegates are real); timers and async steps are driven by executing
 * their jobs.
 */
@Deployment(resources = RESOURCE)
class DeprovisioningProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	static final Instant EVENT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
	static final Verification PASSED = new Verification(true, 0, List.of());

	DeprovisioningService deprovisioning = mock(DeprovisioningService.class);

	DeprovisioningCaseId caseId = DeprovisioningCaseId.random();

	GrantRemoval idpRole = removal("Keycloak", ConnectorType.KEYCLOAK);

	GrantRemoval portal = removal("Carrier portal", ConnectorType.MANUAL);

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		when(deprovisioning.verify(caseId)).thenReturn(PASSED);
		when(deprovisioning.escalate(any(), any())).thenReturn(List.of(GROUP_COMPLIANCE_LEAD));
		Mocks.register("disableAccountDelegate", new DisableAccountDelegate(deprovisioning));
		Mocks.register("listGrantsDelegate", new ListGrantsDelegate(deprovisioning));
		Mocks.register("lookUpRemovalDelegate", new LookUpRemovalDelegate(deprovisioning));
		Mocks.register("removeGrantInKeycloakDelegate", new RemoveGrantInKeycloakDelegate(deprovisioning));
		Mocks.register("escalateRemovalDelegate", new EscalateRemovalDelegate(deprovisioning));
		Mocks.register("recordManualRemovalDelegate", new RecordManualRemovalDelegate(deprovisioning));
		Mocks.register("verifyCaseDelegate", new VerifyCaseDelegate(deprovisioning));
		Mocks.register("completeCaseDelegate", new CompleteCaseDelegate(deprovisioning));
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	static GrantRemoval removal(String system, ConnectorType connector) {
		Duration sla = Duration.ofHours(24);
		return new GrantRemoval(GrantId.random(), SystemId.random(), system, connector, "admin",
				connector == ConnectorType.KEYCLOAK, "olga", sla, EVENT.plus(sla), "Daniel Reyes");
	}

	ProcessInstance start(GrantRemoval... removals) {
		when(deprovisioning.grantsToRemove(caseId)).thenReturn(Arrays.asList(removals));
		boolean started = new DeprovisioningProcessLauncher(runtimeService(), historyService()).launch(caseId);
		assertThat(started).isTrue();
		ProcessInstance instance = runtimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.singleResult();
		assertThat(instance).isWaitingAt(TASK_DISABLE_ACCOUNT);
		return instance;
	}

	/** Executes every due job (async steps) until none is left that is not a timer. */
	static void runAsyncSteps(ProcessInstance instance) {
		List<Job> jobs;
		while (!(jobs = managementService().createJobQuery().processInstanceId(instance.getId()).messages().list())
			.isEmpty()) {
			jobs.forEach(j -> execute(j));
		}
	}

	@Test
	void removesEverythingAutomaticallyAndCompletes() {
		GrantRemoval second = removal("Keycloak", ConnectorType.KEYCLOAK);
		ProcessInstance instance = start(idpRole, second);

		runAsyncSteps(instance);

		assertThat(instance)
			.hasPassedInOrder(START_TERMINATION_RECEIVED, TASK_DISABLE_ACCOUNT, TASK_LIST_GRANTS, TASK_LOOK_UP_REMOVAL,
					TASK_REMOVE_IN_KEYCLOAK, TASK_VERIFY, TASK_COMPLETE_CASE, EVENT_CASE_COMPLETED)
			.isEnded();
		assertThat(instance).hasNotPassed(TASK_REMOVE_MANUALLY, TASK_ESCALATE, TASK_INVESTIGATE);
		verify(deprovisioning).disableAccount(caseId);
		verify(deprovisioning).removeAutomatically(caseId, idpRole.grantId());
		verify(deprovisioning).removeAutomatically(caseId, second.grantId());
		verify(deprovisioning).complete(caseId);
	}

	@Test
	void theSystemOwnerRemovesManualAccessInTime() {
		ProcessInstance instance = start(idpRole, portal);
		runAsyncSteps(instance);

		assertThat(instance).isWaitingAt(TASK_REMOVE_MANUALLY);
		assertThat(task(TASK_REMOVE_MANUALLY)).isAssignedTo("olga")
			.hasName("Remove the role admin of Daniel Reyes on Carrier portal")
			.hasDueDate(java.util.Date.from(portal.slaDueAt()));
		verify(deprovisioning, never()).complete(any());

		complete(task(TASK_REMOVE_MANUALLY), withVariables(VAR_REMOVED_BY, "olga"));
		runAsyncSteps(instance);

		assertThat(instance).hasPassed(TASK_REMOVE_IN_KEYCLOAK, TASK_RECORD_MANUAL_REMOVAL, TASK_COMPLETE_CASE)
			.hasNotPassed(TASK_ESCALATE)
			.isEnded();
		verify(deprovisioning).confirmManualRemoval(caseId, portal.grantId(), "olga", null);
		verify(deprovisioning, never()).escalate(any(), any());
		verify(deprovisioning).complete(caseId);
	}

	@Test
	void withoutIdentityProviderAKeycloakGrantGoesToItsOwnerInsteadOfRetrying() {
		Duration sla = Duration.ofHours(24);
		GrantRemoval unconnected = new GrantRemoval(GrantId.random(), SystemId.random(), "Keycloak",
				ConnectorType.KEYCLOAK, "reviewer", false, "olga", sla, EVENT.plus(sla), "Daniel Reyes");
		ProcessInstance instance = start(unconnected);
		runAsyncSteps(instance);

		assertThat(instance).isWaitingAt(TASK_REMOVE_MANUALLY).hasNotPassed(TASK_REMOVE_IN_KEYCLOAK);
		assertThat(task(TASK_REMOVE_MANUALLY)).isAssignedTo("olga")
			.hasName("Remove the role reviewer of Daniel Reyes on Keycloak");
		assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).withException().count())
			.isZero();

		complete(task(TASK_REMOVE_MANUALLY),
				withVariables(VAR_REMOVED_BY, "olga", VAR_REMOVAL_NOTE, "role removed in the admin console"));
		runAsyncSteps(instance);

		assertThat(instance).hasPassed(TASK_RECORD_MANUAL_REMOVAL, TASK_COMPLETE_CASE).isEnded();
		verify(deprovisioning, never()).removeAutomatically(any(), any());
		verify(deprovisioning).confirmManualRemoval(caseId, unconnected.grantId(), "olga",
				"role removed in the admin console");
	}

	@Test
	void aMissedSlaEscalatesTheRemovalToTheComplianceLead() {
		ProcessInstance instance = start(portal);
		runAsyncSteps(instance);
		Job sla = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		assertThat(sla.getDuedate()).isEqualTo(java.util.Date.from(portal.slaDueAt()));

		execute(sla);

		assertThat(instance).hasPassed(TIMER_SLA, TASK_ESCALATE).isWaitingAt(TASK_REMOVE_ESCALATED);
		assertThat(task(TASK_REMOVE_ESCALATED)).hasCandidateGroup(GROUP_COMPLIANCE_LEAD).isNotAssigned();
		assertThat(runtimeService().createExecutionQuery().activityId(TASK_REMOVE_MANUALLY).count()).isZero();
		verify(deprovisioning).escalate(caseId, portal.grantId());

		complete(task(TASK_REMOVE_ESCALATED), withVariables(VAR_REMOVED_BY, "compliance-lead"));
		runAsyncSteps(instance);

		assertThat(instance).hasPassed(TASK_RECORD_MANUAL_REMOVAL, TASK_COMPLETE_CASE).isEnded();
		verify(deprovisioning).confirmManualRemoval(caseId, portal.grantId(), "compliance-lead", null);
	}

	@Test
	void aFailedVerificationKeepsTheCaseOpenUntilNothingIsLeft() {
		when(deprovisioning.verify(caseId)).thenReturn(new Verification(false, 1, List.of()), PASSED);
		ProcessInstance instance = start(idpRole);
		runAsyncSteps(instance);

		assertThat(instance).isWaitingAt(TASK_INVESTIGATE).hasVariables(VAR_VERIFICATION).isNotEnded();
		assertThat(task(TASK_INVESTIGATE)).hasCandidateGroup(GROUP_COMPLIANCE_LEAD);
		verify(deprovisioning, never()).complete(any());

		complete(task(TASK_INVESTIGATE));
		runAsyncSteps(instance);

		assertThat(instance).hasPassed(TASK_COMPLETE_CASE).isEnded();
		verify(deprovisioning, times(2)).verify(caseId);
		verify(deprovisioning).complete(caseId);
	}

	/**
	 * Issue 13: a privileged Trunkguard login (admin, auditor, compliance lead) is not
	 * disabled by the process; the domain records the disabling as held and a second
	 * approver lets it go ahead outside the process. The process neither retries the
	 * disabling nor closes the case while the login is enabled: verification finds it
	 * enabled, the compliance leads investigate, and the case completes only after the
	 * approval, verified again.
	 */
	@Test
	void aHeldPrivilegedLoginKeepsTheCaseOpenUntilASecondApproverDisablesIt() {
		Verification held = new Verification(false, 0, List.of());
		when(deprovisioning.verify(caseId)).thenReturn(held, held, PASSED);
		ProcessInstance instance = start();
		runAsyncSteps(instance);

		assertThat(instance).hasPassedInOrder(TASK_DISABLE_ACCOUNT, TASK_LIST_GRANTS, TASK_VERIFY)
			.isWaitingAt(TASK_INVESTIGATE)
			.variables()
			.containsEntry(VAR_VERIFICATION, held.summary());
		assertThat(task(TASK_INVESTIGATE)).hasCandidateGroup(GROUP_COMPLIANCE_LEAD);

		// a lead completes the investigation before anyone approved: still held, still
		// open
		complete(task(TASK_INVESTIGATE));
		runAsyncSteps(instance);
		assertThat(instance).isWaitingAt(TASK_INVESTIGATE).isNotEnded();
		verify(deprovisioning, never()).complete(any());

		// the second approver disabled the login
		// (DeprovisioningService.approveAccountDisable,
		// from the case page); the next verification passes
		complete(task(TASK_INVESTIGATE));
		runAsyncSteps(instance);

		assertThat(instance).hasPassed(TASK_COMPLETE_CASE, EVENT_CASE_COMPLETED).isEnded();
		verify(deprovisioning, times(1)).disableAccount(caseId);
		verify(deprovisioning, times(3)).verify(caseId);
		verify(deprovisioning, never()).approveAccountDisable(any(), any());
		verify(deprovisioning).complete(caseId);
	}

	/**
	 * A layoff: many cases at once. The job executor takes jobs by priority
	 * ({@code jobExecutorAcquireByPriority}), so the disable step of a case that arrived
	 * later runs before the grant removal and verification of earlier cases.
	 */
	@Test
	void whenJobsQueueUpEveryAccountIsDisabledBeforeGrantsAreRemovedOrCasesVerified() {
		ProcessInstance first = start(idpRole);
		execute(job(TASK_DISABLE_ACCOUNT, first));
		assertThat(first).isWaitingAt(TASK_REMOVE_IN_KEYCLOAK);

		DeprovisioningCaseId laterCase = DeprovisioningCaseId.random();
		when(deprovisioning.grantsToRemove(laterCase)).thenReturn(List.of(idpRole));
		new DeprovisioningProcessLauncher(runtimeService(), historyService()).launch(laterCase);
		ProcessInstance later = runtimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(laterCase.toString())
			.singleResult();

		List<Job> byPriority = managementService().createJobQuery().messages().orderByJobPriority().desc().list();
		assertThat(byPriority).extracting(Job::getProcessInstanceId).containsExactly(later.getId(), first.getId());
		assertThat(byPriority).extracting(Job::getPriority).containsExactly(100L, 50L);

		execute(byPriority.get(1));
		assertThat(first).isWaitingAt(TASK_VERIFY);
		assertThat(job(TASK_VERIFY, first).getPriority()).isLessThan(50L);
		verify(deprovisioning, never()).disableAccount(laterCase);
	}

	@Test
	void theSameCaseNeverStartsASecondProcess() {
		ProcessInstance instance = start(idpRole);
		DeprovisioningProcessLauncher launcher = new DeprovisioningProcessLauncher(runtimeService(), historyService());

		assertThat(launcher.launch(caseId)).isFalse();
		runAsyncSteps(instance);
		assertThat(launcher.launch(caseId)).isFalse(); // also after it ended

		assertThat(historyService().createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.count()).isOne();
		verify(deprovisioning).disableAccount(caseId);
	}

	@Test
	void anUnreachableIdentityProviderIsRetriedWithBackoffThenAnIncident() {
		doThrow(new IllegalStateException("Keycloak is unreachable (connection refused)")).when(deprovisioning)
			.disableAccount(caseId);
		ProcessInstance instance = start(idpRole);

		Job job = job(TASK_DISABLE_ACCOUNT, instance);
		assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("unreachable");
		Job retried = managementService().createJobQuery().jobId(job.getId()).singleResult();
		// five retries, each later than the one before (PT10S, PT30S, PT1M, PT5M, PT15M)
		assertThat(retried.getRetries()).isEqualTo(5);
		assertThat(retried.getDuedate()).isAfter(java.util.Date.from(Instant.now().plusSeconds(5)));
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("unreachable");
		}

		assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
		assertThat(instance).isWaitingAt(TASK_DISABLE_ACCOUNT);
		verify(deprovisioning, never()).grantsToRemove(caseId);
	}

	@Test
	void recoversWhenTheIdentityProviderReturns() {
		doThrow(new IllegalStateException("Keycloak is unreachable")).doNothing()
			.when(deprovisioning)
			.disableAccount(caseId);
		ProcessInstance instance = start(idpRole);
		Job job = job(TASK_DISABLE_ACCOUNT, instance);
		assertThatThrownBy(() -> managementService().executeJob(job.getId())).isInstanceOf(IllegalStateException.class);

		runAsyncSteps(instance);

		assertThat(instance).isEnded();
		verify(deprovisioning, times(2)).disableAccount(caseId);
		verify(deprovisioning).complete(caseId);
	}

	@Test
	void aDisableStepWaitingForTheAccountDisablerIsDueAgainAsSoonAsTheDisableIsRecorded() {
		doThrow(new IllegalStateException("the account is being disabled")).doNothing()
			.when(deprovisioning)
			.disableAccount(caseId);
		ProcessInstance instance = start(idpRole);
		Job job = job(TASK_DISABLE_ACCOUNT, instance);
		assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("being disabled");
		java.util.Date backoff = managementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate();
		assertThat(backoff).isAfter(java.util.Date.from(Instant.now().plusSeconds(5)));

		new DisableStepNudge(runtimeService(), managementService())
			.on(new io.trunkguard.deprovisioning.AccountDisableRecorded(caseId));

		Job due = managementService().createJobQuery().jobId(job.getId()).singleResult();
		assertThat(due.getDuedate()).isBefore(java.util.Date.from(Instant.now().plusSeconds(1)));
		assertThat(due.getRetries()).isPositive();
		runAsyncSteps(instance);
		assertThat(instance).isEnded();
		verify(deprovisioning, times(2)).disableAccount(caseId);
	}

}
