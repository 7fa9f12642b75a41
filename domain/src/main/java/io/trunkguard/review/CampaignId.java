package io.trunkguard.review;

import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link ReviewCampaign}. */
@Embeddable
public record CampaignId(UUID value) {

	public CampaignId {
		Objects.requireNonNull(value, "value");
	}

	public static CampaignId random() {
		return new CampaignId(UUID.randomUUID());
	}

	/**
	 * Parses the textual form; an {@link IllegalArgumentException} for anything that is
	 * not a UUID.
	 */
	public static CampaignId of(String text) {
		return new CampaignId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
