package io.trunkguard.review;

/** Why an item went to its reviewer. */
public enum Routing {

	/** The system's owner reviews (system reviewer strategy SYSTEM_OWNER). */
	SYSTEM_OWNER,
	/** The holder's manager reviews (system reviewer strategy MANAGER). */
	MANAGER,
	/**
	 * The strategy would have picked the holder (or nobody able to act): their manager
	 * reviews instead.
	 */
	MANAGER_INSTEAD,
	/** Neither owner nor manager could review: a compliance lead reviews. */
	COMPLIANCE_LEAD,
	/** A compliance lead moved the item to another reviewer. */
	REASSIGNED

}
