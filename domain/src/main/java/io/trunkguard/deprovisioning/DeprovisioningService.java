package io.trunkguard.deprovisioning;

import io.trunkguard.access.GrantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Use cases of deprovisioning; the steps the process calls, each idempotent (a retried
 * step does not act or count twice). Every change is written to the audit trail in the
 * same transaction. Errors: {@link io.trunkguard.shared.NotFoundException} (unknown case
 * or HR id), {@link io.trunkguard.shared.InvalidStateException} (a completed case),
 * {@link jakarta.validation.ConstraintViolationException} (an invalid event).
 */
public interface DeprovisioningService {

	/**
	 * Receives a termination event. Opens a case unless one exists for the same event id
	 * or an open one for the person; either way the receipt is recorded. Only a new case
	 * publishes {@link DeprovisioningCaseOpened}.
	 */
	CaseReceipt receiveTermination(@Valid @NotNull TerminationNotice notice);

	/**
	 * Accepts a termination event from the HR webhook or SCIM in one short transaction:
	 * the delivery is recorded durably and the case that will take it is answered (the
	 * one the event id is bound to, the person's open one, or a new one); the case, its
	 * receipt and its process are written right after by the intake worker, with this
	 * moment as the receipt time. Refuses what {@link #receiveTermination} refuses: an
	 * unknown HR id, an event id bound to another person, an effective time outside the
	 * window.
	 */
	CaseReceipt acceptTermination(@Valid @NotNull TerminationNotice notice);

	/**
	 * Disables the person's identity provider account, ends their sessions and marks them
	 * as left.
	 */
	void disableAccount(@NotNull DeprovisioningCaseId caseId);

	/**
	 * A second approver lets the held disabling of a privileged login go ahead: never the
	 * person themselves, nor who started the deprovisioning (the roster's uploader).
	 */
	void approveAccountDisable(@NotNull DeprovisioningCaseId caseId, @NotBlank String actor);

	/** The person's active grants to remove, automatic ones first. */
	List<GrantRemoval> grantsToRemove(@NotNull DeprovisioningCaseId caseId);

	/**
	 * The same for many cases at once, with a constant number of queries (lists of
	 * cases); keyed by case, in its order.
	 */
	java.util.Map<DeprovisioningCaseId, List<GrantRemoval>> grantsToRemove(
			@NotNull java.util.Collection<DeprovisioningCase> cases);

	/**
	 * Removes a grant on a system with a connector: the role at the identity provider,
	 * then the grant.
	 */
	void removeAutomatically(@NotNull DeprovisioningCaseId caseId, @NotNull GrantId grantId);

	/**
	 * Records that the system owner (or, escalated, a compliance lead) removed a grant by
	 * hand, with their note on what they did (may be null).
	 */
	void confirmManualRemoval(@NotNull DeprovisioningCaseId caseId, @NotNull GrantId grantId, @NotBlank String actor,
			@jakarta.validation.constraints.Size(max = 1000) String note);

	/**
	 * {@link #confirmManualRemoval(DeprovisioningCaseId, GrantId, String, String)}
	 * without a note.
	 */
	void confirmManualRemoval(@NotNull DeprovisioningCaseId caseId, @NotNull GrantId grantId, @NotBlank String actor);

	/**
	 * The name of the configured identity provider (e.g. {@code keycloak}); empty in the
	 * embedded default.
	 */
	java.util.Optional<String> identityProviderName();

	/** Records that a manual removal missed its SLA and returns the groups it goes to. */
	List<String> escalate(@NotNull DeprovisioningCaseId caseId, @NotNull GrantId grantId);

	/**
	 * Checks the identity provider and the grants, and records the outcome on the case.
	 */
	Verification verify(@NotNull DeprovisioningCaseId caseId);

	/**
	 * Completes the case if a fresh verification passes, else
	 * {@link io.trunkguard.shared.InvalidStateException}.
	 */
	DeprovisioningCase complete(@NotNull DeprovisioningCaseId caseId);

	DeprovisioningCase get(DeprovisioningCaseId caseId);

	/** The person's open case, if any. */
	java.util.Optional<DeprovisioningCase> openCaseOf(@NotNull io.trunkguard.people.PersonId personId);

	/**
	 * When the termination of a person being deprovisioned takes effect: that of their
	 * open case, else that of a termination accepted ({@link #acceptTermination}) whose
	 * case is not yet written; empty if neither.
	 */
	java.util.Optional<java.time.Instant> leavingAt(@NotNull io.trunkguard.people.PersonId personId);

	/** Every case of the person, the newest first. */
	List<DeprovisioningCase> casesOf(@NotNull io.trunkguard.people.PersonId personId);

	/** Open cases, the oldest HR event first. */
	List<DeprovisioningCase> openCases();

}
