package io.trunkguard.deprovisioning.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * On start, resubmits the case-opened events whose process start did not complete (the
 * app was killed between committing a case and starting its process). Only publications
 * older than a minute: a young one may still be in flight on another node. The launcher
 * starts at most one process per case, so a resubmission is harmless.
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
	void resubmitUnstartedCases() {
		log.info("Resubmitting deprovisioning cases whose process did not start");
		incomplete.resubmitIncompletePublicationsOlderThan(IN_FLIGHT);
	}

}
