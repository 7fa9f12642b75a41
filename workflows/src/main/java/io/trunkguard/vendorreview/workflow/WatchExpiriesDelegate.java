package io.trunkguard.vendorreview.workflow;

import io.trunkguard.vendorreview.CarrierWatch;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reminds of carrier documents that end in 60, 30 or 7 days, and escalates overdue
 * conditions of approvals (each once, whichever node runs it).
 */
@Component("watchExpiriesDelegate")
class WatchExpiriesDelegate implements JavaDelegate {

	private final CarrierWatch watch;

	private final Clock clock;

	WatchExpiriesDelegate(CarrierWatch watch, ObjectProvider<Clock> clock) {
		this.watch = watch;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		watch.remindExpiringDocuments(today);
		watch.escalateOverdueConditions(today);
	}

}
