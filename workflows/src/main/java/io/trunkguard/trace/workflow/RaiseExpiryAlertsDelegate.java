package io.trunkguard.trace.workflow;

import io.trunkguard.trace.CertificateWatch;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.trunkguard.trace.workflow.CertificateExpiryWatchProcess.CERTIFICATES_ALERTED;

/**
 * Raises the certificate expiry alerts due today (each certificate and threshold once,
 * whichever node or run raises it: the alert rows are unique).
 */
@Component("raiseExpiryAlertsDelegate")
class RaiseExpiryAlertsDelegate implements JavaDelegate {

	private final CertificateWatch watch;

	private final Clock clock;

	RaiseExpiryAlertsDelegate(CertificateWatch watch, ObjectProvider<Clock> clock) {
		this.watch = watch;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void execute(DelegateExecution execution) {
		CERTIFICATES_ALERTED.set(execution, watch.raiseDueAlerts(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
	}

}
