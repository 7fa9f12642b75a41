package io.trunkguard.review;

import io.trunkguard.evidence.ProofUpload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * Carrying out submitted revokes and reduces: through a system's connector
 * ({@link RemediationPort}) or by its owner with proof, or accepting that one is not
 * made. Every change is written to the audit trail in the same transaction. Errors:
 * {@link io.trunkguard.shared.NotFoundException}, {@link ReviewDeniedException} (own
 * access, not the owner), {@link io.trunkguard.shared.InvalidStateException} (nothing
 * pending), {@link io.trunkguard.shared.InvalidInputException} (missing note, bad proof
 * file), {@link jakarta.validation.ConstraintViolationException}.
 */
public interface RemediationService {

	/** Items whose revoke or reduce waits for remediation. */
	List<ReviewItemId> pendingRemediations(@NotNull CampaignId id);

	/** What a connector needs to carry out an item's revoke or reduce. */
	RemediationRequest remediationOf(@NotNull ReviewItemId itemId);

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
	 * Revocations waiting to be removed by hand: every one for a compliance lead
	 * ({@code complianceLead}), otherwise those on the systems {@code username} owns.
	 */
	List<ReviewItem> manualRemediations(@NotBlank String username, boolean complianceLead);

	/**
	 * Revocations waiting for a connector to remove them (submitted, not yet carried out:
	 * the connector failed and the campaign's remediation step will retry, or it is under
	 * way), on every system.
	 */
	List<ReviewItem> automaticRemediations();

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

	RemediationProof proof(@NotNull UUID proofId);

}
