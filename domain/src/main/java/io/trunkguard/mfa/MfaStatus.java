package io.trunkguard.mfa;

/** What a read found for one privileged person. */
public enum MfaStatus {

	/** A second factor is set up and the login requires it. */
	ENFORCED_AND_CONFIGURED(false),
	/** A second factor is set up, but the login does not require it. */
	CONFIGURED_NOT_REQUIRED(true),
	/** The login requires a second factor the person has not set up yet. */
	REQUIRED_NOT_CONFIGURED(true),
	/** No second factor, and none is required. */
	MISSING(true),
	/** The realm has no account of that name. */
	NO_ACCOUNT(false),
	/** The account is disabled: nobody can log in with it. */
	DISABLED(false),
	/** No identity provider: nothing can be evidenced. */
	NOT_EVIDENCED(false);

	private final boolean exception;

	MfaStatus(boolean exception) {
		this.exception = exception;
	}

	/** Whether the person counts as an exception the system owner must follow up. */
	public boolean isException() {
		return exception;
	}

}
