package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.IntakePressure;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.RESOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * The job executor's acquisition while the HR webhook takes a burst: nothing is acquired,
 * and the same job is acquired once the burst has eased.
 */
@Deployment(resources = RESOURCE)
class JobsYieldToIntakeTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	@Test
	void whileABurstIsTakenNoJobIsAcquiredAndAfterwardsItIs() throws Exception {
		init(engine.getProcessEngine());
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngine()
			.getProcessEngineConfiguration();
		JobExecutor executor = configuration.getJobExecutor();
		AcquireJobsCommandFactory usual = executor.getAcquireJobsCmdFactory();
		IntakePressure pressure = new IntakePressure(1, Duration.ofMinutes(1));
		new JobsYieldToIntake(pressure).postInit(configuration);
		try {
			// the case's first step (disable the account) is a job, due at once
			new DeprovisioningProcessLauncher(runtimeService(), historyService()).launch(DeprovisioningCaseId.random());

			try (IntakePressure.Intake burst = pressure.begin()) {
				assertThat(acquire(configuration, executor).size()).isZero();
			}
			// the burst counts for a second after its last intake
			Thread.sleep(1_100);
			pressure.disablesQueued(true);
			assertThat(acquire(configuration, executor).size()).as("account disables queued").isZero();
			pressure.disablesQueued(false);
			assertThat(acquire(configuration, executor).size()).isOne();
		}
		finally {
			executor.setAcquireJobsCmdFactory(usual);
		}
	}

	static AcquiredJobs acquire(ProcessEngineConfigurationImpl configuration, JobExecutor executor) {
		return configuration.getCommandExecutorTxRequired().execute(executor.getAcquireJobsCmd(3));
	}

}
