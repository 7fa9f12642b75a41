package io.trunkguard.review;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link ReviewItem}. */
@Embeddable
public record ReviewItemId(UUID value) {

	public ReviewItemId {
		Objects.requireNonNull(value, "value");
	}

	public static ReviewItemId random() {
		return new ReviewItemId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static ReviewItemId of(String text) {
		return new ReviewItemId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
