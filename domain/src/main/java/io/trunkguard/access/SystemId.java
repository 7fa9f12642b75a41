package io.trunkguard.access;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of an AccessSystem. */
@Embeddable
public record SystemId(UUID value) {

	public SystemId {
		Objects.requireNonNull(value, "value");
	}

	public static SystemId random() {
		return new SystemId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static SystemId of(String text) {
		return new SystemId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
