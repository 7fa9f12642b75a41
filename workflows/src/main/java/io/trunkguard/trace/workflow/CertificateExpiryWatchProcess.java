package io.trunkguard.trace.workflow;

import io.trunkguard.workflow.ProcessVariable;

/**
 * The certificate expiry watch ({@code bpmn/trace/certificate-expiry-watch.bpmn}): every
 * morning a timer starts an instance that raises the alerts due 30, 14 and 7 days before
 * a watched certificate expires. Its key, element ids and variables.
 */
public final class CertificateExpiryWatchProcess {

	public static final String KEY = "certificate-expiry-watch";

	public static final String RESOURCE = "bpmn/trace/certificate-expiry-watch.bpmn";

	public static final String START_EVERY_MORNING = "StartEvent_EveryMorning";

	public static final String TASK_RAISE_ALERTS = "Task_RaiseExpiryAlerts";

	public static final String END_ALERTS_RAISED = "Event_AlertsRaised";

	/** How many certificates this run alerted (a small result for Cockpit's history). */
	public static final ProcessVariable<Integer> CERTIFICATES_ALERTED = ProcessVariable.of("certificatesAlerted",
			Integer.class);

	private CertificateExpiryWatchProcess() {
	}

}
