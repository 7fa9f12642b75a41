package io.trunkguard.review;

/** What happens at close-out to items no reviewer answered (submitted). */
public enum UnansweredRule {

	/** Unanswered access is revoked (and remediated like any revocation). */
	REVOKE,
	/** Unanswered access stays and is marked for the next campaign. */
	CARRY_OVER

}
