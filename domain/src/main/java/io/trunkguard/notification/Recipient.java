package io.trunkguard.notification;

/**
 * Whom a message is for: a person with a login ({@code username}), their name and
 * address. {@code email} is null when nobody with that username is known: the message is
 * then kept as FAILED with the reason rather than dropped.
 */
record Recipient(String username, String name, String email) {

	static Recipient unknown(String username) {
		return new Recipient(username, username, null);
	}

	String describe() {
		return username == null ? name : name + " (" + username + ")";
	}
}
