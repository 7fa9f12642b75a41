package io.trunkguard.notification;

/**
 * A message before it is written to the outbox: the recipient, the text, and what it is
 * about.
 */
record MailDraft(MessageKind kind, Recipient recipient, String subject, String body, String referenceType,
		String referenceId) {
}
