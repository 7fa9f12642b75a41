package io.trunkguard.engagement;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of an {@link AuditEngagement}. */
@Embeddable
public record AuditEngagementId(UUID value) {

	public AuditEngagementId {
		Objects.requireNonNull(value, "value");
	}

	public static AuditEngagementId random() {
		return new AuditEngagementId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static AuditEngagementId of(String text) {
		return new AuditEngagementId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
