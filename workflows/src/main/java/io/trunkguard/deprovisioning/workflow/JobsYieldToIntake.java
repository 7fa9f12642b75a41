package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.IntakePressure;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultAcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * While the HR webhook and SCIM take a burst of terminations ({@link IntakePressure}),
 * the job executor acquires no job: the steps already running finish, and the next ones
 * wait until the burst eases (at most the pressure's longest yield), so the requests keep
 * the two cores and the connections (issue 16). The accounts are disabled meanwhile by
 * the account disabler, which does not yield, and the jobs also wait while its disables
 * queue up (at most the same longest yield); the jobs' due times are unchanged, and they
 * are taken in their priority order afterwards.
 */
@Component
class JobsYieldToIntake extends AbstractProcessEnginePlugin {

	private final IntakePressure pressure;

	JobsYieldToIntake(IntakePressure pressure) {
		this.pressure = pressure;
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl engine) {
		JobExecutor executor = engine.getJobExecutor();
		if (executor == null) {
			return;
		}
		AcquireJobsCommandFactory usual = executor.getAcquireJobsCmdFactory() != null
				? executor.getAcquireJobsCmdFactory() : new DefaultAcquireJobsCommandFactory(executor);
		executor.setAcquireJobsCmdFactory(
				jobs -> pressure.jobsShouldWait() ? context -> new AcquiredJobs(jobs) : usual.getCommand(jobs));
	}

}
