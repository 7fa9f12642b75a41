package io.trunkguard.trace.workflow;

import io.trunkguard.trace.EncryptionRemediationService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.trunkguard.trace.workflow.EncryptionRemediationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Both paths of the encryption remediation process on an in-memory engine, the domain's
 * remediation service a Mockito mock (the delegate and launcher are real).
 */
@Deployment(resources = RESOURCE)
class EncryptionRemediationProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	EncryptionRemediationService remediations = mock(EncryptionRemediationService.class);

	UUID taskId = UUID.randomUUID();

	EncryptionRemediationLauncher launcher;

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		Mocks.register("escalateRemediationDelegate", new EscalateRemediationDelegate(remediations));
		launcher = new EncryptionRemediationLauncher(runtimeService(), engine.getProcessEngine().getHistoryService());
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	@Test
	void endsWithoutEscalationWhenTheTaskIsClosedBeforeItsDueDate() {
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(14);
		assertThat(launcher.launch(taskId, due)).isTrue();
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt(GATEWAY_CLOSED_OR_DUE);
		Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());

		launcher.closed(taskId);

		assertThat(instance).hasPassedInOrder(START_OPENED, GATEWAY_CLOSED_OR_DUE, EVENT_CLOSED_IN_TIME, END_IN_TIME)
			.isEnded();
		verify(remediations, never()).escalate(taskId);
	}

	@Test
	void escalatesOnceTheDueDateHasPassedThenWaitsForTheCloseOut() {
		when(remediations.escalate(taskId)).thenReturn(true);
		assertThat(launcher.launch(taskId, LocalDate.now(ZoneOffset.UTC).minusDays(1))).isTrue();
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt(GATEWAY_CLOSED_OR_DUE);

		execute(job()); // the due date has passed
		assertThat(instance).isWaitingAt(TASK_ESCALATE);
		execute(job());

		verify(remediations).escalate(taskId);
		assertThat(instance).isWaitingAt(EVENT_CLOSED_AFTER_ESCALATION);
		launcher.closed(taskId);
		assertThat(instance)
			.hasPassedInOrder(TIMER_DUE_DATE_PASSED, TASK_ESCALATE, EVENT_CLOSED_AFTER_ESCALATION, END_LATE)
			.isEnded();
	}

	@Test
	void startsOneProcessPerTaskWhenTheOpenedEventComesTwice() {
		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(3);
		assertThat(launcher.launch(taskId, due)).isTrue();
		assertThat(launcher.launch(taskId, due)).isFalse();
		assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(taskId.toString()).count())
			.isEqualTo(1);
	}

	private ProcessInstance instance() {
		return runtimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(taskId.toString())
			.singleResult();
	}

}
