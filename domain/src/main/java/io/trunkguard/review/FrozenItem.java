package io.trunkguard.review;

import io.trunkguard.people.PersonId;

/**
 * One grant as frozen into a campaign: the snapshot of the grant, its holder and its
 * system at start with the risk flags ({@link GrantSnapshot}), and the routing. Written
 * in bulk when a campaign starts; never changed afterwards.
 */
public record FrozenItem(ReviewItemId id, GrantSnapshot grant, PersonId reviewerId, String reviewerUsername,
		Routing routing) {
}
