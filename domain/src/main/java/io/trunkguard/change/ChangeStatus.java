package io.trunkguard.change;

/** Where a change record stands. */
public enum ChangeStatus {

	AWAITING_APPROVAL, APPROVED

}
