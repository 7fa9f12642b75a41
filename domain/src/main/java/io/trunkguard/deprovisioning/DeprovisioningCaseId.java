package io.trunkguard.deprovisioning;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a {@link DeprovisioningCase}; also the business key of its process
 * instance.
 */
@Embeddable
public record DeprovisioningCaseId(UUID value) {

	public DeprovisioningCaseId {
		Objects.requireNonNull(value, "value");
	}

	public static DeprovisioningCaseId random() {
		return new DeprovisioningCaseId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static DeprovisioningCaseId of(String text) {
		return new DeprovisioningCaseId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
