package io.trunkguard.evidence;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored file as evidence: the SOC 2 criteria it supports, the day or period it
 * evidences (not its upload date), what it is about, who recorded it and who owns it, its
 * status and expiry. The file never changes; the period changes only with a reason, and
 * the status moves as a lead approves and an auditor flags (each change an
 * {@link EvidenceChanged} event, so audited).
 */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "file_id", nullable = false))
	private StoredFileId fileId;

	@Column(nullable = false, length = 300)
	private String title;

	/** Comma-separated criteria, e.g. {@code CC9.2} or {@code CC6.7,CC7.2}. */
	@Column(nullable = false, length = 100)
	private String controls;

	@Column(name = "evidenced_from", nullable = false)
	private LocalDate evidencedFrom;

	@Column(name = "evidenced_to", nullable = false)
	private LocalDate evidencedTo;

	@Column(name = "subject_type", nullable = false, length = 100)
	private String subjectType;

	@Column(name = "subject_id", nullable = false, length = 200)
	private String subjectId;

	@Column(name = "recorded_by", nullable = false, length = 200)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private EvidenceStatus status;

	@Column(name = "expires_on")
	private LocalDate expiresOn;

	@Column(nullable = false, length = 200)
	private String owner;

	@Column(name = "flag_comment", length = 2000)
	private String flagComment;

	@Column(name = "flag_answer", length = 2000)
	private String flagAnswer;

	protected EvidenceItem() {
		// for JPA
	}

	EvidenceItem(StoredFileId fileId, EvidenceDraft draft, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.fileId = Objects.requireNonNull(fileId, "fileId");
		this.title = draft.title();
		this.controls = String.join(",", draft.controls());
		this.evidencedFrom = draft.evidencedFrom();
		this.evidencedTo = draft.evidencedTo();
		this.subjectType = draft.subjectType();
		this.subjectId = draft.subjectId();
		this.recordedBy = actor;
		this.recordedAt = now;
		this.status = EvidenceStatus.READY;
		this.expiresOn = draft.expiresOn();
		this.owner = draft.owner() == null || draft.owner().isBlank() ? actor : draft.owner().strip();
	}

	/** The longest reason, comment or answer kept. */
	public static final int MAX_TEXT = 2000;

	/**
	 * Says which day or period this evidences, replacing what was recorded. Needs a
	 * reason (an auditor reads it in the audit trail).
	 */
	EvidenceChanged changePeriod(LocalDate from, LocalDate to, String reason, String actor, Instant now) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new InvalidInputException("evidence.period-reversed",
					"The evidenced period must not end (" + to + ") before it starts (" + from + ").",
					Map.of("evidencedTo", "before the start"));
		}
		String why = text(reason, "reason", "the evidenced period is changed only with a reason");
		LocalDate oldFrom = evidencedFrom;
		LocalDate oldTo = evidencedTo;
		evidencedFrom = from;
		evidencedTo = to;
		return new EvidenceChanged(id, "EVIDENCE_PERIOD_CHANGED",
				AuditableEvent.details("fromWas", oldFrom, "toWas", oldTo, "from", from, "to", to, "reason", why),
				actor, now);
	}

	/** A compliance lead approves; never the person who recorded it or owns it. */
	EvidenceChanged approve(String actor, Instant now) {
		if (actor.equals(recordedBy) || actor.equals(owner)) {
			throw new InvalidStateException("evidence.self-approval",
					"Evidence is approved by another compliance lead than the one who recorded or owns it.");
		}
		if (status == EvidenceStatus.FLAGGED) {
			throw new InvalidStateException("evidence.flagged",
					"The evidence is flagged by an auditor: answer the flag before approving it.");
		}
		return moveTo(EvidenceStatus.APPROVED, "EVIDENCE_APPROVED", AuditableEvent.details(), actor, now);
	}

	/** An auditor questions this evidence. */
	EvidenceChanged flag(String comment, String actor, Instant now) {
		String text = text(comment, "comment", "a flag needs a comment saying what is in question");
		flagComment = text;
		flagAnswer = null;
		return moveTo(EvidenceStatus.FLAGGED, "EVIDENCE_FLAGGED", AuditableEvent.details("comment", text), actor, now);
	}

	/** A compliance lead answers an auditor's flag; the evidence is ready again. */
	EvidenceChanged answerFlag(String answer, String actor, Instant now) {
		if (status != EvidenceStatus.FLAGGED) {
			throw new InvalidStateException("evidence.not-flagged",
					"The evidence is not flagged, so there is nothing to answer.");
		}
		String text = text(answer, "answer", "an answer to a flag needs text");
		flagAnswer = text;
		return moveTo(EvidenceStatus.READY, "EVIDENCE_FLAG_ANSWERED",
				AuditableEvent.details("comment", flagComment, "answer", text), actor, now);
	}

	private EvidenceChanged moveTo(EvidenceStatus next, String action, Map<String, Object> details, String actor,
			Instant now) {
		Map<String, Object> all = new java.util.TreeMap<>(details);
		all.put("statusWas", status.name());
		all.put("status", next.name());
		status = next;
		return new EvidenceChanged(id, action, all, actor, now);
	}

	private static String text(String value, String field, String message) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("evidence." + field + "-required", message, Map.of(field, "required"));
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException("evidence." + field + "-too-long",
					"The " + field + " is longer than " + MAX_TEXT + " characters.", Map.of(field, "too long"));
		}
		return text;
	}

	/** The status as seen on a day: anything past its expiry date is expired. */
	public EvidenceStatus statusOn(LocalDate day) {
		return expiresOn != null && expiresOn.isBefore(day) ? EvidenceStatus.EXPIRED : status;
	}

	/** Whether the evidenced period overlaps {@code from}..{@code to} (inclusive). */
	public boolean evidencesWithin(LocalDate from, LocalDate to) {
		return !evidencedTo.isBefore(from) && !evidencedFrom.isAfter(to);
	}

	public UUID getId() {
		return id;
	}

	public StoredFileId getFileId() {
		return fileId;
	}

	public String getTitle() {
		return title;
	}

	public List<String> getControls() {
		return Arrays.asList(controls.split(","));
	}

	public LocalDate getEvidencedFrom() {
		return evidencedFrom;
	}

	public LocalDate getEvidencedTo() {
		return evidencedTo;
	}

	public String getSubjectType() {
		return subjectType;
	}

	public String getSubjectId() {
		return subjectId;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	/** The stored status; see {@link #statusOn} for the one that counts expiry. */
	public EvidenceStatus getStatus() {
		return status;
	}

	public LocalDate getExpiresOn() {
		return expiresOn;
	}

	public String getOwner() {
		return owner;
	}

	/** The auditor's comment of the latest flag, if any. */
	public String getFlagComment() {
		return flagComment;
	}

	/** The lead's answer to the latest flag, if any. */
	public String getFlagAnswer() {
		return flagAnswer;
	}

}
