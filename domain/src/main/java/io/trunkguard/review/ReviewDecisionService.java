package io.trunkguard.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Collection;
import java.util.List;

/**
 * What reviewers (and compliance leads on their behalf) do while a campaign takes
 * decisions: decide, submit, comment, and move items between reviewers. Every change is
 * written to the audit trail in the same transaction. Errors:
 * {@link io.trunkguard.shared.NotFoundException}, {@link ReviewDeniedException} (not the
 * reviewer, self-review), {@link io.trunkguard.shared.InvalidStateException} (wrong
 * phase), {@link io.trunkguard.shared.InvalidInputException} (missing justification,
 * ...), {@link jakarta.validation.ConstraintViolationException}.
 */
public interface ReviewDecisionService {

	/** Most items one bulk decision may touch. */
	int MAX_BULK = 1000;

	/**
	 * Records one decision on many items (all or none): only their reviewer may, never on
	 * their own access, and only until submitted. Publishes {@link ItemDecided} per item.
	 */
	List<ReviewItem> decide(@NotEmpty @Size(max = MAX_BULK) Collection<ReviewItemId> itemIds,
			@NotNull Decision decision, String reducedTo, String justification, @NotBlank String actor);

	/**
	 * Makes the reviewer's decisions in the campaign final. Refuses while any of their
	 * items is undecided. Publishes {@link ReviewSubmitted} and, per revoke or reduce,
	 * {@link GrantRevocationRequested}. Returns the items submitted.
	 */
	int submit(@NotNull CampaignId id, @NotBlank String reviewer);

	/**
	 * Moves an unsubmitted item to another reviewer (a compliance lead's action): only to
	 * an active person who may decide ({@link ReviewerEligibility}), never to the holder
	 * of the access.
	 */
	ReviewItem reassign(@NotNull ReviewItemId itemId, @NotBlank String newReviewer, @NotBlank String actor);

	/**
	 * Moves the chosen unsubmitted items of the campaign to {@code toReviewer}, who must
	 * be able to decide; an item of {@code toReviewer}'s own access stays with its
	 * reviewer and is named in the result. Publishes {@link ItemReassigned} per item
	 * moved.
	 */
	Reassignment reassignItems(@NotNull CampaignId id, @NotEmpty @Size(max = MAX_BULK) Collection<ReviewItemId> itemIds,
			@NotBlank String toReviewer, @NotBlank String actor);

	/**
	 * Moves every unsubmitted item of {@code fromReviewer} on one system to
	 * {@code toReviewer}, as {@link #reassignItems}.
	 */
	Reassignment reassignSystem(@NotNull CampaignId id, @NotBlank String fromReviewer,
			@NotNull io.trunkguard.access.SystemId systemId, @NotBlank String toReviewer, @NotBlank String actor);

	/**
	 * Moves every unsubmitted item of {@code fromReviewer} in the campaign to
	 * {@code toReviewer}, as {@link #reassignItems}: the items of {@code toReviewer}'s
	 * own access stay. Returns what moved and what stayed.
	 */
	Reassignment reassignAll(@NotNull CampaignId id, @NotBlank String fromReviewer, @NotBlank String toReviewer,
			@NotBlank String actor);

	/**
	 * Adds a comment to an item: its reviewer, or a compliance lead
	 * ({@code complianceLead}), may. Publishes {@link ItemCommented} (audited).
	 */
	ReviewComment comment(@NotNull ReviewItemId itemId, String body, @NotBlank String actor, boolean complianceLead);

}
