package io.trunkguard.notification;

/** Where a message is on its way to the recipient. */
public enum MessageStatus {

	/** To be sent over SMTP (again, after a failed attempt, at {@code nextAttemptAt}). */
	PENDING,
	/** The SMTP server accepted it. */
	SENT,
	/**
	 * Given up after the last attempt, or no address is known: kept with the reason, can
	 * be queued again.
	 */
	FAILED,
	/**
	 * No SMTP server is configured (the embedded default): the outbox page is where it is
	 * read.
	 */
	KEPT_IN_OUTBOX

}
