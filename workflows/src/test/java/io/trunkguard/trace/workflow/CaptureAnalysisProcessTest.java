package io.trunkguard.trace.workflow;

import io.trunkguard.trace.CaptureAnalysis;
import io.trunkguard.trace.CaptureAnalysisFailed;
import io.trunkguard.trace.CaptureId;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.trunkguard.trace.workflow.CaptureAnalysisProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Both paths of the capture analysis process on an in-memory engine, the domain's
 * analysis a Mockito mock (the delegate and launcher are real).
 */
@Deployment(resources = RESOURCE)
class CaptureAnalysisProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	CaptureAnalysis analysis = mock(CaptureAnalysis.class);

	CaptureId captureId = CaptureId.random();

	CaptureAnalysisLauncher launcher;

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		Mocks.register("analyseCaptureDelegate", new AnalyseCaptureDelegate(analysis));
		launcher = new CaptureAnalysisLauncher(runtimeService(), engine.getProcessEngine().getHistoryService());
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
	}

	@Test
	void analysesAnUploadedCaptureAsAJobThenEnds() {
		when(analysis.analyse(captureId)).thenReturn(true);

		assertThat(launcher.launch(captureId)).isTrue();
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt(TASK_ANALYSE_CAPTURE);
		execute(job());

		assertThat(instance).hasPassedInOrder(START_CAPTURE_RECEIVED, TASK_ANALYSE_CAPTURE, EVENT_CAPTURE_ANALYSED)
			.isEnded();
		verify(analysis).analyse(captureId);
	}

	@Test
	void startsOneProcessPerCaptureWhenTheUploadEventComesTwice() {
		assertThat(launcher.launch(captureId)).isTrue();
		assertThat(launcher.launch(captureId)).isFalse();
		assertThat(
				runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(captureId.toString()).count())
			.isEqualTo(1);
	}

	@Test
	void retriesAFailedAnalysisThenRaisesAnIncidentForTheAdmin() {
		when(analysis.analyse(captureId))
			.thenThrow(new CaptureAnalysisFailed("The stored capture file could not be read."));
		launcher.launch(captureId);
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt(TASK_ANALYSE_CAPTURE);

		int attempts = 0;
		while (job().getRetries() > 0) {
			Job job = job();
			assertThatThrownBy(() -> managementService().executeJob(job.getId()))
				.hasMessageContaining("could not be read");
			attempts++;
		}

		Job job = job();
		assertThat(job.getRetries()).isZero();
		Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo(TASK_ANALYSE_CAPTURE);
		assertThat(incident.getIncidentMessage()).contains("could not be read");
		assertThat(instance).isWaitingAt(TASK_ANALYSE_CAPTURE);
		assertThat(attempts).as("three attempts a minute apart (R3/PT1M)").isEqualTo(3);
		verify(analysis, times(attempts)).analyse(captureId);
	}

	private ProcessInstance instance() {
		return runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(captureId.toString())
			.singleResult();
	}

}
