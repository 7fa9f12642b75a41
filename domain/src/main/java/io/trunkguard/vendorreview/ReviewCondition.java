package io.trunkguard.vendorreview;

import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.vendor.VendorId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A condition of an approval, a follow-up with an owner and a due date, tracked to
 * closure.
 */
@Entity
@Table(name = "vendor_review_condition")
public class ReviewCondition {

	@Id
	private UUID id;

	@Column(name = "review_id", nullable = false)
	private UUID reviewId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Column(nullable = false, length = 1000)
	private String text;

	@Column(nullable = false, length = 200)
	private String owner;

	@Column(name = "due_on", nullable = false)
	private LocalDate dueOn;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "closed_by", length = 200)
	private String closedBy;

	@Column(name = "closing_note", length = 2000)
	private String closingNote;

	@Column(name = "escalated_at")
	private Instant escalatedAt;

	@Column(name = "escalated_to", length = 1000)
	private String escalatedTo;

	protected ReviewCondition() {
		// for JPA
	}

	ReviewCondition(UUID reviewId, VendorId vendorId, ConditionDraft draft) {
		this.id = UUID.randomUUID();
		this.reviewId = reviewId;
		this.vendorId = vendorId;
		this.text = draft.text();
		this.owner = draft.owner();
		this.dueOn = draft.dueOn();
	}

	void close(String note, String actor, Instant now) {
		if (closedAt != null) {
			throw new InvalidStateException("condition.closed", "The condition was already closed.");
		}
		this.closedAt = now;
		this.closedBy = actor;
		this.closingNote = note;
	}

	void escalated(String to, Instant now) {
		this.escalatedAt = now;
		this.escalatedTo = to == null || to.length() <= 1000 ? to : to.substring(0, 1000);
	}

	/** When the overdue condition was escalated, or null. */
	public Instant getEscalatedAt() {
		return escalatedAt;
	}

	/** To whom it was escalated, in words. */
	public String getEscalatedTo() {
		return escalatedTo;
	}

	public boolean isOpen() {
		return closedAt == null;
	}

	public boolean isOverdueOn(LocalDate day) {
		return isOpen() && day.isAfter(dueOn);
	}

	public UUID getId() {
		return id;
	}

	public UUID getReviewId() {
		return reviewId;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public String getText() {
		return text;
	}

	public String getOwner() {
		return owner;
	}

	public LocalDate getDueOn() {
		return dueOn;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getClosedBy() {
		return closedBy;
	}

	public String getClosingNote() {
		return closingNote;
	}

}
