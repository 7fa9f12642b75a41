package io.trunkguard.deprovisioning.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * On start and then every minute, resubmits the case-opened events whose process start
 * did not complete (a node was killed between committing a case and starting its
 * process). Only publications older than a minute: a young one may still be in flight on
 * another node. The launcher starts at most one process per case, so a resubmission is
 * harmless. Every minute, not only on start: a node that restarts less than a minute
 * after it was killed, or never restarts while the others carry on, would otherwise leave
 * such a case without its process.
 */
@Component
@ConditionalOnProperty(name = "trunkguard.audit.verify-and-exit", havingValue = "false", matchIfMissing = true)
class DeprovisioningRecovery {

	private static final Logger log = LoggerFactory.getLogger(DeprovisioningRecovery.class);
	static final Duration IN_FLIGHT = Duration.ofMinutes(1);

	private final IncompleteEventPublications incomplete;

	DeprovisioningRecovery(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		log.info("Resubmitting deprovisioning cases whose process did not start");
		resubmitUnstartedCases();
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
	void resubmitUnstartedCases() {
		incomplete.resubmitIncompletePublicationsOlderThan(IN_FLIGHT);
	}

}
