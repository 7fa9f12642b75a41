package io.trunkguard.change;

import io.trunkguard.evidence.StoredFileId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A configuration excerpt attached to a change, stored after its secrets were redacted,
 * with the list of what was removed.
 */
@Entity
@Table(name = "sip_change_excerpt")
public class SipChangeExcerpt {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "change_id", nullable = false))
	private SipChangeId changeId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "stored_file_id", nullable = false))
	private StoredFileId storedFileId;

	@Column(name = "file_name", nullable = false, length = 255)
	private String fileName;

	@Column(name = "sha256", nullable = false, length = 64)
	private String sha256;

	@Column(name = "redactions", nullable = false)
	private int redactions;

	@Column(name = "redaction_summary", nullable = false, length = 2000)
	private String redactionSummary;

	@Column(name = "added_by", nullable = false, length = 200)
	private String addedBy;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected SipChangeExcerpt() {
		// for JPA
	}

	SipChangeExcerpt(SipChangeId changeId, StoredFileId storedFileId, String fileName, String sha256,
			ConfigRedaction.Redacted redacted, String addedBy, Instant addedAt) {
		this.id = UUID.randomUUID();
		this.changeId = changeId;
		this.storedFileId = storedFileId;
		this.fileName = fileName;
		this.sha256 = sha256;
		this.redactions = redacted.redactions().size();
		String summary = redacted.summary();
		this.redactionSummary = summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary;
		this.addedBy = addedBy;
		this.addedAt = addedAt;
	}

	public UUID getId() {
		return id;
	}

	public SipChangeId getChangeId() {
		return changeId;
	}

	public StoredFileId getStoredFileId() {
		return storedFileId;
	}

	public String getFileName() {
		return fileName;
	}

	public String getSha256() {
		return sha256;
	}

	public int getRedactions() {
		return redactions;
	}

	public String getRedactionSummary() {
		return redactionSummary;
	}

	public String getAddedBy() {
		return addedBy;
	}

	public Instant getAddedAt() {
		return addedAt;
	}

}
