package io.trunkguard.trace.workflow;

import io.trunkguard.trace.CaptureAnalysis;
import io.trunkguard.trace.CaptureId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.trace.workflow.CaptureAnalysisProcess.VAR_CAPTURE_ID;

/** Analyses the capture of the process (the job's transaction stores the result). */
@Component("analyseCaptureDelegate")
class AnalyseCaptureDelegate implements JavaDelegate {

	private final CaptureAnalysis analysis;

	AnalyseCaptureDelegate(CaptureAnalysis analysis) {
		this.analysis = analysis;
	}

	@Override
	public void execute(DelegateExecution execution) {
		analysis.analyse(CaptureId.of((String) execution.getVariable(VAR_CAPTURE_ID)));
	}

}
