package io.trunkguard.trace;

/**
 * The asynchronous analysis of one capture, as a job runs it: any node may, a retry
 * replaces what an earlier attempt stored, a failure is recorded on the capture and
 * rethrown so the job engine retries it and finally raises an incident.
 */
public interface CaptureAnalysis {

	/**
	 * Analyses the capture unless it is already analysed; returns whether it ran.
	 * @throws CaptureAnalysisFailed when the file cannot be read or the time limit passes
	 */
	boolean analyse(CaptureId id);

}
