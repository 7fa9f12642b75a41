package io.trunkguard.deprovisioning;

/** Where a termination event came from. */
public enum TerminationSource {

	/** The signed HR webhook. */
	HR_WEBHOOK,
	/** SCIM 2.0 {@code PATCH active=false}. */
	SCIM,
	/** A roster CSV in which the person disappeared or got an end date. */
	ROSTER_CSV,
	/** Entered by a person in the app. */
	MANUAL

}
