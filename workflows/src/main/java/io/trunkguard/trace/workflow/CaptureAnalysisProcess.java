package io.trunkguard.trace.workflow;

/**
 * The capture analysis process ({@code bpmn/trace/capture-analysis.bpmn}): its key,
 * element ids and variable names. The business key is the capture id.
 */
public final class CaptureAnalysisProcess {

	public static final String KEY = "captureAnalysis";

	public static final String RESOURCE = "bpmn/trace/capture-analysis.bpmn";

	public static final String MESSAGE_CAPTURE_RECEIVED = "Message_CaptureReceived";

	public static final String START_CAPTURE_RECEIVED = "StartEvent_CaptureReceived";

	public static final String TASK_ANALYSE_CAPTURE = "Task_AnalyseCapture";

	public static final String EVENT_CAPTURE_ANALYSED = "Event_CaptureAnalysed";

	public static final String VAR_CAPTURE_ID = "captureId";

	private CaptureAnalysisProcess() {
	}

}
