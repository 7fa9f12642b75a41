package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One grant as frozen into a campaign: the snapshot of the grant, its holder and its
 * system at start, the risk flags, and the routing. Written in bulk when a campaign
 * starts; never changed afterwards.
 */
public record FrozenItem(ReviewItemId id, GrantId grantId, PersonId personId, String personName, String personUsername,
		EmploymentStatus personStatus, EmploymentType personType, LocalDate personEndDate, PersonId personManagerId,
		SystemId systemId, String systemName, PersonId systemOwnerId, ConnectorType connector, String entitlement,
		boolean privileged, Instant grantedAt, Instant lastUsedAt, boolean dormant, boolean orphan,
		boolean contractorExpired, boolean isNew, boolean carriedOver, PersonId reviewerId, String reviewerUsername,
		Routing routing) {
}
