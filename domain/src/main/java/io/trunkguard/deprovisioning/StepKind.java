package io.trunkguard.deprovisioning;

/** What a step of a case did. */
public enum StepKind {

	/** The identity provider account was disabled (or found absent). */
	ACCOUNT_DISABLED,
	/**
	 * No identity provider is configured and the person has no local sign-in to disable:
	 * nothing to disable; grants on systems with the Keycloak connector go to their
	 * owners. The note says why.
	 */
	NO_IDENTITY_PROVIDER,
	/** The account's sessions were ended. */
	SESSIONS_ENDED,
	/** A grant was revoked: automatically by a connector, or by the system owner. */
	GRANT_REVOKED,
	/** A manual removal missed its SLA and went to the compliance lead. */
	ESCALATED,
	/** Verification found access left: the case stays open. */
	VERIFICATION_FAILED,
	/** Verification found nothing left. */
	VERIFIED,
	/**
	 * A compliance lead investigated the access a verification found left (the note says
	 * what was done).
	 */
	INVESTIGATED,
	/**
	 * The person holds a privileged Trunkguard login (admin, auditor, compliance lead):
	 * its disabling waits for a second approver, so one upload or event cannot lock out
	 * the only admin.
	 */
	ACCOUNT_DISABLE_HELD

}
