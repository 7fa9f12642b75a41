package io.trunkguard.review;

import io.trunkguard.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where the change a submitted revoke or reduce asks for stands: not required, pending,
 * remediated (with proof) or accepted (with a justification), who settled it and when,
 * and why a system with a connector is remediated by hand ({@code manualReason}, null
 * when it is not).
 */
@Embeddable
public record Remediation(
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "remediation_status",
				nullable = false, length = 20) RemediationStatus status,
		@Column(name = "remediated_by", length = 100) String remediatedBy,
		@Column(name = "remediated_at") Instant remediatedAt,
		@Column(name = "remediation_note", length = ReviewItem.MAX_TEXT) String note,
		@Column(name = "manual_remediation_reason", length = MAX_REASON) String manualReason) {

	static final int MAX_REASON = 500;

	public Remediation {
		Objects.requireNonNull(status, "status");
	}

	static Remediation notRequired() {
		return new Remediation(RemediationStatus.NOT_REQUIRED, null, null, null, null);
	}

	Remediation pending() {
		return new Remediation(RemediationStatus.PENDING, remediatedBy, remediatedAt, note, manualReason);
	}

	boolean isPending() {
		return status == RemediationStatus.PENDING;
	}

	/**
	 * Settled as {@code target} (remediated or accepted) with a note; refuses a missing
	 * or too long note and a missing actor.
	 */
	Remediation settled(RemediationStatus target, String settleNote, String missing, String actor, Instant at) {
		requireNote(settleNote, missing);
		String cleanNote = settleNote.strip();
		if (cleanNote.length() > ReviewItem.MAX_TEXT) {
			throw new InvalidInputException("item.remediation-note-too-long",
					"The note is longer than " + ReviewItem.MAX_TEXT + " characters.");
		}
		if (actor == null || actor.isBlank()) {
			throw new InvalidInputException("item.actor-required", "Actor is required.");
		}
		return new Remediation(target, actor.strip(), at, cleanNote, manualReason);
	}

	/**
	 * Carried out by hand, for {@code reason} (shortened to {@value #MAX_REASON}
	 * characters).
	 */
	Remediation routedToManual(String reason) {
		String why = reason == null || reason.isBlank() ? "no connector available" : reason.strip();
		return new Remediation(status, remediatedBy, remediatedAt, note,
				why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 1) + "…");
	}

	static void requireNote(String note, String missing) {
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("item.remediation-note-required", missing + ".",
					Map.of("note", "required"));
		}
	}

}
