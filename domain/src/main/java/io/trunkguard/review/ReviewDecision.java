package io.trunkguard.review;

import io.trunkguard.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/**
 * A reviewer's decision on one item: keep, revoke or reduce (to {@code reducedTo}), why,
 * by whom and when. Absent (null) until someone decides, and again after a reassignment
 * or when the unanswered rule carries the item over.
 */
@Embeddable
public record ReviewDecision(
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "decision",
				length = 10) Decision choice,
		@Column(name = "reduced_to", length = ReviewItem.MAX_ROLE) String reducedTo,
		@Column(name = "justification", length = ReviewItem.MAX_TEXT) String justification,
		@Column(name = "decided_by", length = 100) String decidedBy, @Column(name = "decided_at") Instant decidedAt) {

	/**
	 * A reviewer's decision on {@code grant}, checked: a justification for revoke, reduce
	 * and keeping privileged access, and for reduce a lesser role different from the
	 * current one ({@link InvalidInputException}).
	 */
	static ReviewDecision of(Decision choice, String reducedTo, String justification, GrantSnapshot grant, String actor,
			Instant at) {
		if (choice == null) {
			throw new InvalidInputException("item.decision-required",
					"A decision is required: keep, revoke or reduce the access.");
		}
		String why = justification == null || justification.isBlank() ? null : justification.strip();
		if (why != null && why.length() > ReviewItem.MAX_TEXT) {
			throw new InvalidInputException("item.justification-too-long",
					"The justification is longer than " + ReviewItem.MAX_TEXT + " characters.");
		}
		if (why == null && (choice.changesAccess() || grant.privileged())) {
			throw new InvalidInputException("item.justification-required", choice == Decision.KEEP
					? "Keeping privileged access (" + grant.entitlement() + " on " + grant.systemName()
							+ ") needs a justification."
					: "A justification is required to " + choice.name().toLowerCase(java.util.Locale.ROOT) + " access.",
					Map.of("justification", "required"));
		}
		String role = null;
		if (choice == Decision.REDUCE) {
			if (reducedTo == null || reducedTo.isBlank()) {
				throw new InvalidInputException("item.reduced-role-required", "Reducing access needs the lesser role.",
						Map.of("reducedTo", "required"));
			}
			role = reducedTo.strip();
			if (role.length() > ReviewItem.MAX_ROLE) {
				throw new InvalidInputException("item.reduced-role-too-long",
						"The role is longer than " + ReviewItem.MAX_ROLE + " characters.");
			}
			if (role.equals(grant.entitlement())) {
				throw new InvalidInputException("item.reduce-unchanged",
						"The grant already has the role " + role + ".");
			}
		}
		return new ReviewDecision(choice, role, why, actor, at);
	}

	/** What the campaign's rule decides for an item nobody submitted when it revokes. */
	static ReviewDecision revokedUnanswered(Instant at) {
		return new ReviewDecision(Decision.REVOKE, null,
				"Unanswered at close-out: the campaign's rule revokes access nobody confirmed.",
				ReviewItem.SYSTEM_ACTOR, at);
	}

	/** A revoke or reduce: the system must change. */
	boolean changesAccess() {
		return choice != null && choice.changesAccess();
	}

}
