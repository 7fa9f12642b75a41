package io.trunkguard.review.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.trunkguard.review.ReviewItem;

/**
 * A review item as the API shows it: the frozen snapshot, its flags, the routing and the
 * outcome so far.
 */
record ItemResponse(UUID id, UUID campaignId, UUID grantId, UUID personId, String personName, String personStatus,
		String personType, LocalDate personEndDate, UUID systemId, String systemName, String connector,
		String entitlement, boolean privileged, Instant grantedAt, Instant lastUsedAt, boolean dormant, boolean orphan,
		boolean contractorExpired, boolean isNew, boolean carriedOver, String reviewer, String routing, String decision,
		String reducedTo, String justification, String decidedBy, Instant decidedAt, boolean submitted, String closure,
		String remediationStatus, String remediatedBy, Instant remediatedAt, String remediationNote) {

	static ItemResponse of(ReviewItem i) {
		return new ItemResponse(i.getId().value(), i.getCampaignId().value(), i.getGrantId().value(),
				i.getPersonId().value(), i.getPersonName(), i.getPersonStatus().name(), i.getPersonType().name(),
				i.getPersonEndDate(), i.getSystemId().value(), i.getSystemName(), i.getConnector().name(),
				i.getEntitlement(), i.isPrivileged(), i.getGrantedAt(), i.getLastUsedAt(), i.isDormant(), i.isOrphan(),
				i.isContractorExpired(), i.isNew(), i.isCarriedOver(), i.getReviewerUsername(), i.getRouting().name(),
				name(i.getDecision()), i.getReducedTo(), i.getJustification(), i.getDecidedBy(), i.getDecidedAt(),
				i.isSubmitted(), name(i.getClosure()), i.getRemediationStatus().name(), i.getRemediatedBy(),
				i.getRemediatedAt(), i.getRemediationNote());
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
