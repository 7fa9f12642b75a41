package io.trunkguard.review;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import io.trunkguard.evidence.StoredFile;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A generated campaign report file, kept as evidence dated the campaign's close. Never
 * changed after it is stored.
 */
@Entity
@Table(name = "review_report")
public class ReviewReport {

	/** The report formats. */
	public enum Format {

		PDF("application/pdf", "pdf"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String contentType;

		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		public String contentType() {
			return contentType;
		}

		public String extension() {
			return extension;
		}

	}

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "campaign_id", nullable = false))
	private CampaignId campaignId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 10)
	private Format format;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "file_id", nullable = false, updatable = false)
	private StoredFile file;

	@Column(name = "evidence_date", nullable = false)
	private Instant evidenceDate;

	@Column(name = "generated_at", nullable = false)
	private Instant generatedAt;

	protected ReviewReport() {
		// for JPA
	}

	ReviewReport(CampaignId campaignId, Format format, StoredFile file, Instant evidenceDate, Instant generatedAt) {
		this.id = UUID.randomUUID();
		this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
		this.format = Objects.requireNonNull(format, "format");
		this.file = Objects.requireNonNull(file, "file");
		this.evidenceDate = evidenceDate;
		this.generatedAt = generatedAt;
	}

	public UUID getId() {
		return id;
	}

	public CampaignId getCampaignId() {
		return campaignId;
	}

	public Format getFormat() {
		return format;
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

	public Instant getEvidenceDate() {
		return evidenceDate;
	}

	public Instant getGeneratedAt() {
		return generatedAt;
	}

}
