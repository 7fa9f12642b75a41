package io.trunkguard.trace;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Capture}. */
@Embeddable
public record CaptureId(UUID value) {

	public CaptureId {
		Objects.requireNonNull(value, "value");
	}

	public static CaptureId random() {
		return new CaptureId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static CaptureId of(String text) {
		return new CaptureId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
