package io.trunkguard.deprovisioning;

import io.trunkguard.access.GrantId;
import io.trunkguard.evidence.ProofUpload;
import io.trunkguard.evidence.StoredFile;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file attached as proof when a removal of a deprovisioning case is confirmed by hand
 * (the same kind of file as a review remediation's proof, checked by
 * {@link ProofUpload#check}): names its {@link StoredFile} (bytes in the file store, with
 * its SHA-256), never changed.
 */
@Entity
@Table(name = "deprovisioning_removal_proof")
public class RemovalProof {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "case_id", nullable = false))
	private DeprovisioningCaseId caseId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "grant_id"))
	private GrantId grantId;

	@Column(name = "task_id", nullable = false, length = 64)
	private String taskId;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "file_id", nullable = false, updatable = false)
	private StoredFile file;

	@Column(name = "uploaded_by", nullable = false, length = 100)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected RemovalProof() {
		// for JPA
	}

	RemovalProof(DeprovisioningTask task, StoredFile file, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.caseId = task.caseId();
		this.grantId = task.grantId();
		this.taskId = task.id();
		this.file = Objects.requireNonNull(file, "file");
		this.uploadedBy = actor;
		this.uploadedAt = now;
	}

	public UUID getId() {
		return id;
	}

	public DeprovisioningCaseId getCaseId() {
		return caseId;
	}

	/** The grant whose removal it proves; null for an investigation. */
	public GrantId getGrantId() {
		return grantId;
	}

	public String getTaskId() {
		return taskId;
	}

	/** The stored file (name, type, size, SHA-256; its bytes from the file store). */
	public StoredFile getFile() {
		return file;
	}

	public String getFileName() {
		return file.getOriginalName();
	}

	public String getSha256() {
		return file.getSha256();
	}

	public long getSizeBytes() {
		return file.getSizeBytes();
	}

	public String getUploadedBy() {
		return uploadedBy;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}

}
