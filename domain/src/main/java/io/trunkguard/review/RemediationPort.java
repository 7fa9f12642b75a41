package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;

/**
 * Carries out a revocation or reduction on a system with a connector (implemented in
 * {@code integrations}, e.g. by the Keycloak admin client). Implementations must be
 * idempotent (removing a role already gone succeeds: failed remediations are retried) and
 * must verify the change by reading it back. Throw on any failure; the workflow retries
 * and shows an incident.
 */
public interface RemediationPort {

	/** Whether this port acts on systems with the given connector. */
	boolean supports(ConnectorType connector);

	RemediationResult remediate(RemediationRequest request);

}
