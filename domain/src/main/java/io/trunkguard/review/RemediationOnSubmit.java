package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out a revoke or reduce on a system with a connector as soon as its reviewer
 * submits, as owners of manual systems can from that moment: a leaver does not keep
 * Keycloak access until the whole campaign closes. Runs after the submission committed,
 * each item in its own transaction; when the connector fails the item stays pending and
 * the campaign's remediation step (retried, with an incident in Cockpit) carries it out
 * later. Without a connector for the system the item goes to its owner at once, with the
 * reason recorded.
 */
@Component
class RemediationOnSubmit {

	private static final Logger log = LoggerFactory.getLogger(RemediationOnSubmit.class);

	private final RemediationService remediation;

	private final TransactionTemplate newTransaction;

	RemediationOnSubmit(RemediationService remediation, PlatformTransactionManager transactions) {
		this.remediation = remediation;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener
	void on(GrantRevocationRequested event) {
		if (event.connector() == ConnectorType.MANUAL || ReviewItem.SYSTEM_ACTOR.equals(event.actor())) {
			// manual systems wait for their owner; what the unanswered rule revoked is
			// remediated by the campaign's remediation step right after it
			return;
		}
		try {
			RemediationRoute route = newTransaction.execute(status -> remediation.routeRemediation(event.itemId()));
			if (route == RemediationRoute.AUTOMATIC) {
				newTransaction.executeWithoutResult(status -> remediation.remediateAutomatically(event.itemId()));
			}
		}
		catch (RuntimeException e) {
			log.warn("The {} connector did not remove access of item {} at submission ({}); the campaign's "
					+ "remediation step retries it", event.connector(), event.itemId(), e.getMessage());
		}
	}

}
