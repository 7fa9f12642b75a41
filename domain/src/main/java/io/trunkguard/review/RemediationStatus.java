package io.trunkguard.review;

/** Whether a decision that changes access has been carried out on the system. */
public enum RemediationStatus {

	/** Keep, or not decided yet: nothing to do. */
	NOT_REQUIRED,
	/** Revoke or reduce decided; the change on the system is outstanding. */
	PENDING,
	/** The access was removed (or reduced) and verified, with proof. */
	REMEDIATED,
	/**
	 * A compliance lead explicitly accepted that the change is not made, with a
	 * justification.
	 */
	ACCEPTED

}
