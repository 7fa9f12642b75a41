package io.trunkguard.review;

/** How an item left the review phase. */
public enum Closure {

	/** The reviewer decided and submitted. */
	REVIEWED,
	/** Nobody answered; the campaign's rule revoked the access. */
	REVOKED_UNANSWERED,
	/** Nobody answered; the access stays and is marked in the next campaign. */
	CARRIED_OVER

}
