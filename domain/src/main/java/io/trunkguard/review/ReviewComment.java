package io.trunkguard.review;

import io.trunkguard.shared.InvalidInputException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A comment of a reviewer or compliance lead on a review item. Never changed after it is
 * written.
 */
@Entity
@Table(name = "review_comment")
public class ReviewComment {

	public static final int MAX_BODY = 2000;

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "item_id", nullable = false))
	private ReviewItemId itemId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "campaign_id", nullable = false))
	private CampaignId campaignId;

	@Column(nullable = false, length = 100)
	private String author;

	@Column(nullable = false, length = MAX_BODY)
	private String body;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected ReviewComment() {
		// for JPA
	}

	ReviewComment(ReviewItem item, String body, String author, Instant now) {
		if (body == null || body.isBlank()) {
			throw new InvalidInputException("comment.empty", "The comment is empty.", Map.of("body", "required"));
		}
		String clean = body.strip();
		if (clean.length() > MAX_BODY) {
			throw new InvalidInputException("comment.too-long",
					"The comment is longer than " + MAX_BODY + " characters.", Map.of("body", "too long"));
		}
		this.id = UUID.randomUUID();
		this.itemId = item.getId();
		this.campaignId = item.getCampaignId();
		this.author = author;
		this.body = clean;
		this.createdAt = now;
	}

	public UUID getId() {
		return id;
	}

	public ReviewItemId getItemId() {
		return itemId;
	}

	public CampaignId getCampaignId() {
		return campaignId;
	}

	public String getAuthor() {
		return author;
	}

	public String getBody() {
		return body;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
