package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Keycloak connector (integrations implements the real one): records
 * what it was asked to remove and can be told to fail, like a Keycloak that is down. It
 * is the outside system, not the thing under test. Only in the domain's own tests: the
 * application's tests see this class through the domain's test jar, and there it would
 * stand in for a connector the embedded default does not have.
 */
@Component
@ConditionalOnMissingClass("io.trunkguard.TrunkguardApplication")
public class FakeKeycloakRemediation implements RemediationPort {

	private final List<RemediationRequest> removed = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	@Override
	public boolean supports(ConnectorType connector) {
		return connector == ConnectorType.KEYCLOAK;
	}

	@Override
	public RemediationResult remediate(RemediationRequest request) {
		if (down) {
			throw new IllegalStateException("Keycloak is unreachable (connection refused)");
		}
		removed.add(request);
		return new RemediationResult(true,
				"realm role " + request.entitlement() + " absent for user " + request.personUsername());
	}

	public List<RemediationRequest> removed() {
		return removed;
	}

	public void setDown(boolean down) {
		this.down = down;
	}

}
