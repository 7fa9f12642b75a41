package io.trunkguard.review;

/** The risk and differential markers an inbox can filter on. */
public enum ReviewFlag {

	PRIVILEGED, DORMANT, ORPHAN, CONTRACTOR_EXPIRED, NEW, CARRIED_OVER

}
