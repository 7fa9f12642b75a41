package io.trunkguard.deprovisioning;

/**
 * A case is open until verification proves every access removed; then it is completed
 * (and never reopened).
 */
public enum CaseStatus {

	OPEN, COMPLETED

}
