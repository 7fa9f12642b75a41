package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.PersonId;

/**
 * What a remediation must change on a system: remove {@code entitlement} from the holder
 * ({@code decision} REVOKE) or replace it with {@code reducedTo} (REDUCE).
 * {@code systemOwnerUsername} confirms manual remediation.
 */
public record RemediationRequest(ReviewItemId itemId, CampaignId campaignId, GrantId grantId, PersonId personId,
		String personUsername, SystemId systemId, String systemName, ConnectorType connector, String entitlement,
		Decision decision, String reducedTo, String systemOwnerUsername, String personName) {

	/** A request whose person is named by their login. */
	public RemediationRequest(ReviewItemId itemId, CampaignId campaignId, GrantId grantId, PersonId personId,
			String personUsername, SystemId systemId, String systemName, ConnectorType connector, String entitlement,
			Decision decision, String reducedTo, String systemOwnerUsername) {
		this(itemId, campaignId, grantId, personId, personUsername, systemId, systemName, connector, entitlement,
				decision, reducedTo, systemOwnerUsername, personUsername);
	}

}
