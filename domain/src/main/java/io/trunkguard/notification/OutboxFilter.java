package io.trunkguard.notification;

/** Narrows the outbox: by status and by kind; null means any. */
public record OutboxFilter(MessageStatus status, MessageKind kind) {

	public static OutboxFilter none() {
		return new OutboxFilter(null, null);
	}
}
