package io.trunkguard.review.workflow;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.review.RemediationPort;
import io.trunkguard.review.RemediationRequest;
import io.trunkguard.review.RemediationResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Keycloak connector (integrations builds the real one): records the
 * roles it was asked to remove.
 */
@Component
class StandInKeycloakRemediation implements RemediationPort {

	final List<RemediationRequest> removed = new CopyOnWriteArrayList<>();

	@Override
	public boolean supports(ConnectorType connector) {
		return connector == ConnectorType.KEYCLOAK;
	}

	@Override
	public RemediationResult remediate(RemediationRequest request) {
		removed.add(request);
		return new RemediationResult(true, "role " + request.entitlement() + " absent for " + request.personUsername());
	}

}
