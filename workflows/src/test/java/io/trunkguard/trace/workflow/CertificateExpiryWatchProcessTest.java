package io.trunkguard.trace.workflow;

import io.trunkguard.trace.CertificateWatch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;

import static io.trunkguard.trace.workflow.CertificateExpiryWatchProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The certificate expiry watch on an in-memory engine: its morning timer starts an
 * instance whose async step raises the due alerts through the (mocked) watch, and the
 * timer stays for the next morning. The once-per-certificate-and-threshold rows are
 * proven on the database in {@code CertificateWatchIntegrationTest}.
 */
@Deployment(resources = RESOURCE)
class CertificateExpiryWatchProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	CertificateWatch watch = mock(CertificateWatch.class);

	Clock clock = Clock.fixed(Instant.parse("2027-03-01T06:15:00Z"), ZoneOffset.UTC);

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		StaticListableBeanFactory clocks = new StaticListableBeanFactory();
		clocks.addBean("clock", clock);
		Mocks.register("raiseExpiryAlertsDelegate",
				new RaiseExpiryAlertsDelegate(watch, clocks.getBeanProvider(Clock.class)));
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	@Test
	void everyMorningAt0615RaisesTheAlertsDueThatDayAndWaitsForTheNextMorning() {
		Job timer = managementService().createJobQuery().timers().singleResult();
		Calendar due = Calendar.getInstance(TimeZone.getDefault());
		due.setTime(timer.getDuedate());
		assertThat(due.get(Calendar.HOUR_OF_DAY) * 60 + due.get(Calendar.MINUTE)).isEqualTo(6 * 60 + 15);
		when(watch.raiseDueAlerts(LocalDate.parse("2027-03-01"))).thenReturn(2);

		execute(timer);
		ProcessInstance instance = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.singleResult();
		assertThat(instance).isWaitingAt(TASK_RAISE_ALERTS);
		execute(job());

		verify(watch).raiseDueAlerts(LocalDate.parse("2027-03-01"));
		assertThat(instance).hasPassedInOrder(START_EVERY_MORNING, TASK_RAISE_ALERTS, END_ALERTS_RAISED).isEnded();
		assertThat(historyService().createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(CERTIFICATES_ALERTED.name())
			.singleResult()
			.getValue()).isEqualTo(2);
		assertThat(managementService().createJobQuery().timers().count()).as("the next morning's timer").isEqualTo(1);
	}

	@Test
	void aFailingRunBecomesAnIncidentAfterItsRetriesInsteadOfBeingLost() {
		when(watch.raiseDueAlerts(LocalDate.parse("2027-03-01"))).thenThrow(new IllegalStateException("database down"));
		execute(managementService().createJobQuery().timers().singleResult());
		for (int attempt = 0; attempt < 5 && step().getRetries() > 0; attempt++) {
			try {
				managementService().executeJob(step().getId());
			}
			catch (IllegalStateException expected) {
				// retried later by the job executor
			}
		}
		assertThat(step().getRetries()).isZero();
		assertThat(runtimeService().createIncidentQuery().processDefinitionKeyIn(KEY).count()).isEqualTo(1);
	}

	/** The async step of the one running instance. */
	private Job step() {
		return managementService().createJobQuery().processDefinitionKey(KEY).messages().singleResult();
	}

}
