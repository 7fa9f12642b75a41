package io.trunkguard.access;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of an AccessGrant. */
@Embeddable
public record GrantId(UUID value) {

	public GrantId {
		Objects.requireNonNull(value, "value");
	}

	public static GrantId random() {
		return new GrantId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static GrantId of(String text) {
		return new GrantId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
