package io.trunkguard.review;

import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query of a reviewer's inbox: their items in one campaign, narrowed by an
 * {@link InboxFilter}.
 */
final class InboxSpecification {

	private InboxSpecification() {
	}

	static Specification<ReviewItem> of(CampaignId campaign, String reviewer, InboxFilter filter) {
		return (root, query, cb) -> {
			Path<GrantSnapshot> grant = root.get("grant");
			List<Predicate> predicates = new ArrayList<>();
			predicates.add(cb.equal(root.get("campaignId"), campaign));
			predicates.add(cb.equal(root.get("reviewerUsername"), reviewer));
			if (filter.systemId() != null) {
				predicates.add(cb.equal(grant.get("systemId"), filter.systemId()));
			}
			if (filter.undecided() != null) {
				Path<Decision> choice = root.get("decision").get("choice");
				predicates.add(filter.undecided() ? cb.isNull(choice) : cb.isNotNull(choice));
			}
			if (filter.flag() != null) {
				String attribute = switch (filter.flag()) {
					case PRIVILEGED -> "privileged";
					case DORMANT -> "dormant";
					case ORPHAN -> "orphan";
					case CONTRACTOR_EXPIRED -> "contractorExpired";
					case NEW -> "isNew";
					case CARRIED_OVER -> "carriedOver";
				};
				predicates.add(cb.isTrue(grant.get(attribute)));
			}
			if (filter.text() != null && !filter.text().isBlank()) {
				String like = "%" + filter.text()
					.strip()
					.toLowerCase(Locale.ROOT)
					.replace("\\", "\\\\")
					.replace("%", "\\%")
					.replace("_", "\\_") + "%";
				predicates.add(cb.or(cb.like(cb.lower(grant.get("personName")), like, '\\'),
						cb.like(cb.lower(grant.get("systemName")), like, '\\'),
						cb.like(cb.lower(grant.get("entitlement")), like, '\\')));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

}
