package io.trunkguard.change;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link SipChange}. */
@Embeddable
public record SipChangeId(UUID value) {

	public SipChangeId {
		Objects.requireNonNull(value, "value");
	}

	public static SipChangeId random() {
		return new SipChangeId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static SipChangeId of(String text) {
		return new SipChangeId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
