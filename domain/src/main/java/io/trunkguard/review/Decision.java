package io.trunkguard.review;

/** A reviewer's decision on one grant. */
public enum Decision {

	KEEP, REVOKE, REDUCE;

	/** Whether the decision changes access, so it must be remediated. */
	public boolean changesAccess() {
		return this != KEEP;
	}

}
