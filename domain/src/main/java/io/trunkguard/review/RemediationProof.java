package io.trunkguard.review;

import io.trunkguard.evidence.ProofUpload;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import io.trunkguard.evidence.StoredFile;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A file attached to a manual removal as proof (screenshot, ticket export, PDF): names
 * its {@link StoredFile} (bytes in the file store, with its SHA-256), never changed.
 * {@link #check} refuses what may not be stored: empty or larger than {@value #MAX_BYTES}
 * bytes, a content type outside {@link #ALLOWED_TYPES}, or content that does not look
 * like the type claimed.
 */
@Entity
@Table(name = "review_remediation_proof")
public class RemediationProof {

	/** 5 MiB ({@link ProofUpload#MAX_BYTES}). */
	public static final int MAX_BYTES = ProofUpload.MAX_BYTES;

	/** {@link ProofUpload#ALLOWED_TYPES}. */
	public static final Set<String> ALLOWED_TYPES = ProofUpload.ALLOWED_TYPES;

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "item_id", nullable = false))
	private ReviewItemId itemId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "campaign_id", nullable = false))
	private CampaignId campaignId;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "file_id", nullable = false, updatable = false)
	private StoredFile file;

	@Column(name = "uploaded_by", nullable = false, length = 100)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected RemediationProof() {
		// for JPA
	}

	RemediationProof(ReviewItem item, StoredFile file, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.itemId = item.getId();
		this.campaignId = item.getCampaignId();
		this.file = java.util.Objects.requireNonNull(file, "file");
		this.uploadedBy = actor;
		this.uploadedAt = now;
	}

	/** Refuses, with a clear message, a file that may not be stored as proof. */
	public static void check(ProofUpload upload) {
		upload.check();
	}

	/** The base name only, as {@link ProofUpload#cleanName()}. */
	static String cleanName(String name) {
		return new ProofUpload(name, null, new byte[0]).cleanName();
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

	/** The stored file (name, type, size, SHA-256; its bytes from the file store). */
	public StoredFile getFile() {
		return file;
	}

	public String getFileName() {
		return file.getOriginalName();
	}

	public String getContentType() {
		return file.getContentType();
	}

	public long getSizeBytes() {
		return file.getSizeBytes();
	}

	public String getSha256() {
		return file.getSha256();
	}

	public String getUploadedBy() {
		return uploadedBy;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}

}
