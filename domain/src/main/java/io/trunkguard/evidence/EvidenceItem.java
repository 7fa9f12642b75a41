package io.trunkguard.evidence;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored file as evidence: the SOC 2 criteria it supports, the day or period it
 * evidences (not its upload date), what it is about, and who recorded it. Never changed.
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

}
