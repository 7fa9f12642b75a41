package io.trunkguard.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Reminders before a campaign's deadline and escalation after it, for reviewers who still
 * have unsettled items. Both are written to the audit trail and notify by mail. Errors:
 * {@link io.trunkguard.shared.NotFoundException},
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface ReviewReminderService {

	/**
	 * The candidate group of compliance leads (sign-off, escalation without a manager).
	 */
	String COMPLIANCE_LEAD_GROUP = "compliance-lead";

	/**
	 * Reminds a reviewer who still has unsettled items; false (and no reminder) when they
	 * have none, or when they may not decide ({@link ReviewerEligibility}: an auditor, a
	 * disabled login), since a lead must reassign those items instead.
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

}
