package io.trunkguard.people;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Person}. */
@Embeddable
public record PersonId(UUID value) {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static PersonId of(String text) {
		return new PersonId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
