package io.trunkguard.deprovisioning;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;

import java.time.Duration;
import java.time.Instant;

/**
 * One grant a case must remove, with what the process needs to route it.
 *
 * @param automatic true when a connector removes it (Keycloak); false when the system
 * owner must
 * @param ownerUsername the system owner's login (assignee of the manual task), null if
 * the owner has none
 * @param sla the time allowed for the removal, from the HR event
 * @param slaDueAt the HR event time plus the SLA
 * @param personName the leaver's full name (for task names: "Remove the role admin of
 * Daniel Reyes on Edge SBC Cluster")
 */
public record GrantRemoval(GrantId grantId, SystemId systemId, String systemName, ConnectorType connector,
		String entitlement, boolean automatic, String ownerUsername, Duration sla, Instant slaDueAt,
		String personName) {

	/** A removal whose leaver is named "the leaver". */
	public GrantRemoval(GrantId grantId, SystemId systemId, String systemName, ConnectorType connector,
			String entitlement, boolean automatic, String ownerUsername, Duration sla, Instant slaDueAt) {
		this(grantId, systemId, systemName, connector, entitlement, automatic, ownerUsername, sla, slaDueAt,
				"the leaver");
	}

}
