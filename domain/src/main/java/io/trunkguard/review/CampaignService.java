package io.trunkguard.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Use cases of access review campaigns. {@code actor} is the username acting; decisions,
 * submissions, reminders, escalations, the unanswered rule, remediation, close and
 * sign-off are all written to the audit trail in the same transaction. Errors:
 * {@link io.trunkguard.shared.NotFoundException}, {@link ReviewDeniedException} (not the
 * reviewer, self-review), {@link io.trunkguard.shared.InvalidStateException} (wrong
 * phase), {@link io.trunkguard.shared.InvalidInputException} (missing justification,
 * ...), {@link jakarta.validation.ConstraintViolationException}.
 */
public interface CampaignService {

	/**
	 * The candidate group of compliance leads (sign-off, escalation without a manager).
	 */
	String COMPLIANCE_LEAD_GROUP = "compliance-lead";

	/** Most items one bulk decision may touch. */
	int MAX_BULK = 1000;

	/**
	 * Refuses, before anything is started, the terms that {@link #start} would refuse
	 * (name, deadline), so a caller that starts campaigns through the process engine
	 * reports bad input without an engine error.
	 */
	void checkTerms(String name, Instant deadline);

	/**
	 * Starts a campaign and freezes its scope in one transaction: every active grant on
	 * every in-scope system becomes an item with its flags, routed to its reviewer.
	 * Publishes {@link CampaignStarted}.
	 */
	ReviewCampaign start(@NotBlank String name, @NotNull Instant deadline, @NotNull UnansweredRule rule,
			@NotBlank String actor);

	/**
	 * Starts the quarter's campaign with the configured length and rule (the timer
	 * start).
	 */
	ReviewCampaign startScheduled(@NotBlank String actor);

	ReviewCampaign get(@NotNull CampaignId id);

	List<ReviewCampaign> campaigns();

	CampaignSchedule schedule(@NotNull CampaignId id);

	/** Usernames of the campaign's reviewers: one inbox task each. */
	List<String> reviewers(@NotNull CampaignId id);

	CampaignProgress progress(@NotNull CampaignId id);

	CampaignProgress progressOf(@NotNull CampaignId id, @NotBlank String reviewer);

	/** A reviewer's items (their inbox). */
	Page<ReviewItem> itemsOf(@NotNull CampaignId id, @NotBlank String reviewer, Pageable pageable);

	/** A reviewer's items narrowed by a filter (their inbox). */
	Page<ReviewItem> inbox(@NotNull CampaignId id, @NotBlank String reviewer, @NotNull InboxFilter filter,
			Pageable pageable);

	/** Campaigns in which the user has items to review, newest first. */
	List<ReviewCampaign> campaignsOf(@NotBlank String reviewer);

	/** Progress per reviewer (key: username). */
	List<ProgressRow> progressByReviewer(@NotNull CampaignId id);

	/** Progress per system (key: system name). */
	List<ProgressRow> progressBySystem(@NotNull CampaignId id);

	ReviewItem item(@NotNull ReviewItemId id);

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

	/** Moves an unsubmitted item to another reviewer (a compliance lead's action). */
	ReviewItem reassign(@NotNull ReviewItemId itemId, @NotBlank String newReviewer, @NotBlank String actor);

	/**
	 * Reminds a reviewer who still has unsettled items; false (and no reminder) when they
	 * have none.
	 */
	boolean remind(@NotNull CampaignId id, @NotBlank String reviewer);

	/**
	 * A compliance lead reminds a reviewer by hand; as
	 * {@link #remind(CampaignId, String)}, recorded with the lead's name.
	 */
	boolean remind(@NotNull CampaignId id, @NotBlank String reviewer, @NotBlank String actor);

	/**
	 * Escalates a reviewer who missed the deadline to their manager (or the compliance
	 * lead group). Returns the username or group escalated to, or null when the reviewer
	 * has nothing open.
	 */
	String escalate(@NotNull CampaignId id, @NotBlank String reviewer);

	/**
	 * Ends reviewing and settles every unsettled item by the campaign's rule. Returns how
	 * many were settled.
	 */
	int applyUnansweredRule(@NotNull CampaignId id);

	/** Items whose revoke or reduce waits for remediation. */
	List<ReviewItemId> pendingRemediations(@NotNull CampaignId id);

	RemediationRequest remediationOf(@NotNull ReviewItemId itemId);

	/**
	 * Carries out a pending revoke or reduce through the system's connector
	 * ({@link RemediationPort}), verifies it, and updates the grant. Idempotent (an item
	 * already remediated is returned as is). Throws when no connector serves the system
	 * or the connector fails.
	 */
	ReviewItem remediateAutomatically(@NotNull ReviewItemId itemId);

	/**
	 * A system owner confirms a manual removal with a note (what was done, ticket, ...).
	 * Updates the grant.
	 */
	ReviewItem recordRemediation(@NotNull ReviewItemId itemId, @NotBlank String note, @NotBlank String actor);

	/**
	 * A compliance lead accepts that a pending revocation is not made, with a
	 * justification.
	 */
	ReviewItem acceptUnremediated(@NotNull ReviewItemId itemId, @NotBlank String justification, @NotBlank String actor);

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

	/**
	 * Chooses how a pending revoke or reduce is carried out:
	 * {@link RemediationRoute#AUTOMATIC} when a {@link RemediationPort} serves the
	 * system's connector, {@link RemediationRoute#MANUAL} otherwise. A system with a
	 * connector that no port serves (e.g. Keycloak in the embedded default) goes to its
	 * owner, and the item and the audit trail record why
	 * ({@link RemediationRoutedToManual}). An item already remediated or accepted needs
	 * no person: {@link RemediationRoute#AUTOMATIC}, where
	 * {@link #remediateAutomatically} returns it unchanged.
	 */
	RemediationRoute routeRemediation(@NotNull ReviewItemId itemId);

	/**
	 * Revocations waiting to be removed by hand: every one for a compliance lead
	 * ({@code complianceLead}), otherwise those on the systems {@code username} owns.
	 */
	List<ReviewItem> manualRemediations(@NotBlank String username, boolean complianceLead);

	/**
	 * The system owner (or, with {@code complianceLead}, a compliance lead) confirms a
	 * manual removal with a note and an optional file as proof. The file is checked
	 * before anything changes ({@link RemediationProof#check}); the item, the grant, the
	 * proof and the audit entries commit together. Refuses anyone else
	 * ({@link ReviewDeniedException}).
	 */
	ReviewItem confirmRemoval(@NotNull ReviewItemId itemId, String note, ProofUpload proof, @NotBlank String actor,
			boolean complianceLead);

	/** The proof files of an item, oldest first. */
	List<RemediationProof> proofsOf(@NotNull ReviewItemId itemId);

	/** The proof files of every item of a campaign (for its report), oldest first. */
	List<RemediationProof> proofsOfCampaign(@NotNull CampaignId id);

	RemediationProof proof(@NotNull java.util.UUID proofId);

	/**
	 * Moves every unsubmitted item of {@code fromReviewer} in the campaign to
	 * {@code toReviewer} (a compliance lead's action), all or none: refused if any of
	 * them is {@code toReviewer}'s own access. Publishes {@link ItemReassigned} per item.
	 * Returns how many moved.
	 */
	int reassignAll(@NotNull CampaignId id, @NotBlank String fromReviewer, @NotBlank String toReviewer,
			@NotBlank String actor);

	/** The grant behind an item and what earlier campaigns decided about it. */
	GrantHistory history(@NotNull ReviewItemId itemId);

	/** The comments on an item, oldest first. */
	List<ReviewComment> comments(@NotNull ReviewItemId itemId);

	/**
	 * Adds a comment to an item: its reviewer, or a compliance lead
	 * ({@code complianceLead}), may. Publishes {@link ItemCommented} (audited).
	 */
	ReviewComment comment(@NotNull ReviewItemId itemId, String body, @NotBlank String actor, boolean complianceLead);

}
