package io.trunkguard.evidence;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored file: what was uploaded or generated, by whom and when, with the SHA-256 and
 * size of its bytes and the content type sniffed from them (never the one a browser
 * claimed). The bytes themselves live in the {@link FileStore}'s directory, addressed by
 * their hash, so the same content uploaded twice is kept once on disk and recognised by
 * {@link FileStore#findBySha256}. Never changed after it is stored.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {

	/** The longest original name kept (the end of a longer one). */
	public static final int MAX_NAME = 255;

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private StoredFileId id;

	@Column(nullable = false, length = 64)
	private String sha256;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(name = "content_type", nullable = false, length = 100)
	private String contentType;

	@Column(name = "original_name", nullable = false, length = MAX_NAME)
	private String originalName;

	@Column(name = "uploaded_by", nullable = false, length = 200)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Column(name = "deleted_by", length = 200)
	private String deletedBy;

	@Column(name = "deletion_reason", length = 500)
	private String deletionReason;

	protected StoredFile() {
		// for JPA
	}

	StoredFile(StoredFileId id, String sha256, long sizeBytes, String contentType, String originalName,
			String uploadedBy, Instant uploadedAt) {
		this.id = Objects.requireNonNull(id, "id");
		this.sha256 = Objects.requireNonNull(sha256, "sha256");
		this.sizeBytes = sizeBytes;
		this.contentType = Objects.requireNonNull(contentType, "contentType");
		this.originalName = Objects.requireNonNull(originalName, "originalName");
		this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
		this.uploadedAt = Objects.requireNonNull(uploadedAt, "uploadedAt");
	}

	/** Marks the bytes deleted; returns false when they already were. */
	boolean markDeleted(String actor, String reason, Instant now) {
		if (deletedAt != null) {
			return false;
		}
		deletedAt = now;
		deletedBy = actor;
		deletionReason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
		return true;
	}

	/** Whether the bytes were deleted (the row stays). */
	public boolean isDeleted() {
		return deletedAt != null;
	}

	public Instant getDeletedAt() {
		return deletedAt;
	}

	public String getDeletedBy() {
		return deletedBy;
	}

	public String getDeletionReason() {
		return deletionReason;
	}

	public StoredFileId getId() {
		return id;
	}

	/** The SHA-256 of the bytes, 64 lower-case hex digits. */
	public String getSha256() {
		return sha256;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	/** The content type sniffed from the bytes, e.g. {@code application/pdf}. */
	public String getContentType() {
		return contentType;
	}

	/** The name the file had when it was uploaded (base name only, cleaned). */
	public String getOriginalName() {
		return originalName;
	}

	public String getUploadedBy() {
		return uploadedBy;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof StoredFile other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "StoredFile[" + originalName + ", " + sha256 + "]";
	}

}
