package io.trunkguard.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * The life of a campaign, from its start (scope frozen) through the close-out by the
 * unanswered rule and the close to the sign-off and its report. Every step is written to
 * the audit trail in the same transaction. Errors:
 * {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidStateException} (wrong phase),
 * {@link io.trunkguard.shared.InvalidInputException},
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface CampaignLifecycleService {

	/**
	 * Refuses, before anything is started, the terms that {@link #start} would refuse
	 * (name, deadline), so a caller that starts campaigns through the process engine
	 * reports bad input without an engine error.
	 */
	default void checkTerms(String name, Instant deadline) {
		checkTerms(name, deadline, null);
	}

	/**
	 * As {@link #checkTerms(String, Instant)}, and refuses a campaign that would review
	 * again grants another campaign of the same quarter still takes decisions on, unless
	 * {@code overlapReason} says why.
	 */
	void checkTerms(String name, Instant deadline, String overlapReason);

	/**
	 * Starts a campaign and freezes its scope in one transaction: every active grant on
	 * every in-scope system becomes an item with its flags, routed to its reviewer.
	 * Publishes {@link CampaignStarted}.
	 */
	default ReviewCampaign start(@NotBlank String name, @NotNull Instant deadline, @NotNull UnansweredRule rule,
			@NotBlank String actor) {
		return start(name, deadline, rule, null, actor);
	}

	/**
	 * As {@link #start(String, Instant, UnansweredRule, String)}; a campaign that
	 * overlaps another of the same quarter still taking decisions on the same grants
	 * needs {@code overlapReason}, which is recorded with it and in the audit trail.
	 */
	ReviewCampaign start(@NotBlank String name, @NotNull Instant deadline, @NotNull UnansweredRule rule,
			String overlapReason, @NotBlank String actor);

	/**
	 * Starts the quarter's campaign with the configured length and rule (the timer
	 * start).
	 */
	ReviewCampaign startScheduled(@NotBlank String actor);

	/** When the campaign's reminders, deadline and close-out fall. */
	CampaignSchedule schedule(@NotNull CampaignId id);

	/**
	 * Ends reviewing and settles every unsettled item by the campaign's rule. Returns how
	 * many were settled.
	 */
	int applyUnansweredRule(@NotNull CampaignId id);

	/**
	 * A compliance lead ends reviewing before the close-out with a justification: every
	 * unsettled item follows the campaign's rule now (recorded and audited), and the
	 * campaign goes on to remediation, close and sign-off. Publishes
	 * {@link CampaignEndedEarly}. Returns how many items the rule settled.
	 */
	int endReviewsEarly(@NotNull CampaignId id, String justification, @NotBlank String actor);

	/**
	 * Closes the campaign when every item is settled and every revocation remediated or
	 * accepted.
	 */
	ReviewCampaign close(@NotNull CampaignId id, @NotBlank String actor);

	/**
	 * Signs off a closed campaign; refused for a lead who reviewed their own access in
	 * it.
	 */
	ReviewCampaign signOff(@NotNull CampaignId id, String note, @NotBlank String actor);

	/**
	 * Asks for the campaign report of a signed-off campaign (publishes
	 * {@link CampaignReportRequested}).
	 */
	void requestReport(@NotNull CampaignId id);

}
