package io.trunkguard.review;

import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.people.PersonId;
import io.trunkguard.shared.InvalidStateException;

import java.util.List;
import java.util.Map;

/**
 * Picks the reviewer of one grant: the system's owner or the holder's manager, as the
 * system's strategy says. Never the holder: when the strategy picks the holder (or
 * someone who cannot act: left, or without a login), the holder's manager reviews, then
 * the first eligible compliance lead. Pure: the people it needs are passed in.
 */
final class ReviewerRouting {

	/** What routing needs to know of a person. */
	record Candidate(PersonId id, String username, boolean active, PersonId managerId) {

		boolean canReview(PersonId holder) {
			return active && username != null && !id.equals(holder);
		}
	}

	/** The chosen reviewer. */
	record Route(PersonId reviewerId, String reviewerUsername, Routing routing) {
	}

	private final Map<PersonId, Candidate> people;

	private final List<Candidate> complianceLeads;

	ReviewerRouting(Map<PersonId, Candidate> people, List<String> complianceLeadUsernames) {
		this.people = people;
		this.complianceLeads = complianceLeadUsernames.stream()
			.flatMap(username -> people.values().stream().filter(c -> username.equals(c.username())))
			.toList();
	}

	Route route(PersonId holder, PersonId managerOfHolder, PersonId systemOwner, ReviewerStrategy strategy,
			String what) {
		if (strategy == ReviewerStrategy.SYSTEM_OWNER) {
			Candidate owner = people.get(systemOwner);
			if (owner != null && owner.canReview(holder)) {
				return new Route(owner.id(), owner.username(), Routing.SYSTEM_OWNER);
			}
		}
		Candidate manager = managerOfHolder == null ? null : people.get(managerOfHolder);
		if (manager != null && manager.canReview(holder)) {
			return new Route(manager.id(), manager.username(),
					strategy == ReviewerStrategy.MANAGER ? Routing.MANAGER : Routing.MANAGER_INSTEAD);
		}
		for (Candidate lead : complianceLeads) {
			if (lead.canReview(holder)) {
				return new Route(lead.id(), lead.username(), Routing.COMPLIANCE_LEAD);
			}
		}
		throw new InvalidStateException("campaign.no-reviewer", "Nobody can review " + what
				+ ": neither the system owner nor the holder's manager nor a compliance lead (trunkguard.review.compliance-leads) is an active person with a login other than the holder.");
	}

}
