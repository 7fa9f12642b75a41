package io.trunkguard.vendor;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Vendor}. */
@Embeddable
public record VendorId(UUID value) {

	public VendorId {
		Objects.requireNonNull(value, "value");
	}

	public static VendorId random() {
		return new VendorId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static VendorId of(String text) {
		return new VendorId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
