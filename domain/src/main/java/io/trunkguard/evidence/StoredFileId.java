package io.trunkguard.evidence;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link StoredFile}. */
@Embeddable
public record StoredFileId(UUID value) {

	public StoredFileId {
		Objects.requireNonNull(value, "value");
	}

	public static StoredFileId random() {
		return new StoredFileId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static StoredFileId of(String text) {
		return new StoredFileId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
