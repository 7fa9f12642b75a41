package io.trunkguard.mfa.workflow;

import io.trunkguard.mfa.MfaRead;
import io.trunkguard.mfa.MfaService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static io.trunkguard.mfa.workflow.PrivilegedMfaReadProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The three ends of the monthly MFA read on an in-memory engine: the timer fires on the
 * first of the month, the real delegate calls the domain's MFA service (a Mockito mock),
 * and the gateway follows what the read found.
 */
@Deployment(resources = RESOURCE)
class PrivilegedMfaReadProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	MfaService mfa = mock(MfaService.class);

	MfaRead read = mock(MfaRead.class);

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		Mocks.register("readSecondFactorsDelegate", new ReadSecondFactorsDelegate(mfa));
		when(mfa.read(ACTOR)).thenReturn(read);
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	@Test
	void firesOnTheFirstOfEachMonthAtSixUtc() {
		Job timer = managementService().createJobQuery().timers().singleResult();
		ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneOffset.systemDefault());
		assertThat(due.getDayOfMonth()).isEqualTo(1);
		assertThat(due.getHour()).isEqualTo(6);
	}

	@Test
	void leavesExceptionsWithTheSystemOwnersWhenTheReadFindsSome() {
		when(read.isIdentityProvider()).thenReturn(true);
		when(read.getExceptionCount()).thenReturn(2);

		ProcessInstance instance = fireTimerAndRead();

		assertThat(instance).hasPassedInOrder(START_MONTHLY, TASK_READ, GATEWAY_FOUND, END_EXCEPTIONS).isEnded();
		verify(mfa, times(1)).read(ACTOR);
	}

	@Test
	void endsCleanWhenEveryPrivilegedPersonHasARequiredSecondFactor() {
		when(read.isIdentityProvider()).thenReturn(true);
		when(read.getExceptionCount()).thenReturn(0);

		assertThat(fireTimerAndRead()).hasPassed(END_ALL_ENFORCED).hasNotPassed(END_EXCEPTIONS).isEnded();
	}

	@Test
	void recordsThatMfaCannotBeEvidencedWithoutAnIdentityProvider() {
		when(read.isIdentityProvider()).thenReturn(false);
		when(read.getExceptionCount()).thenReturn(0);

		assertThat(fireTimerAndRead()).hasPassed(END_NOT_EVIDENCED).hasNotPassed(END_ALL_ENFORCED).isEnded();
	}

	@Test
	void keepsTheReadAsARetriedJobWhenTheIdentityProviderCannotBeRead() {
		when(mfa.read(ACTOR)).thenThrow(new IllegalStateException("Keycloak is unreachable"));
		execute(managementService().createJobQuery().timers().singleResult());
		ProcessInstance instance = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.singleResult();
		assertThat(instance).isWaitingAt(TASK_READ);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(job(instance)))
			.hasMessageContaining("unreachable");
		assertThat(instance).isWaitingAt(TASK_READ);
	}

	private ProcessInstance fireTimerAndRead() {
		execute(managementService().createJobQuery().timers().singleResult());
		ProcessInstance instance = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.singleResult();
		assertThat(instance).isWaitingAt(TASK_READ);
		execute(job(instance));
		return instance;
	}

}
