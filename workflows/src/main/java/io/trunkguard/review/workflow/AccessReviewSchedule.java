package io.trunkguard.review.workflow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The quarterly timer's cron, read by the process's timer start event as
 * {@code ${accessReviewSchedule.cron}} (Camunda's cron: seconds minutes hours
 * day-of-month month day-of-week).
 */
@Component("accessReviewSchedule")
@EnableConfigurationProperties(AccessReviewProcessProperties.class)
public class AccessReviewSchedule {

	private final String cron;

	@Autowired
	AccessReviewSchedule(AccessReviewProcessProperties properties) {
		this.cron = properties.schedule();
	}

	/** A fixed schedule (for tests and tools). */
	public AccessReviewSchedule(String cron) {
		this.cron = cron;
	}

	public String getCron() {
		return cron;
	}

}
