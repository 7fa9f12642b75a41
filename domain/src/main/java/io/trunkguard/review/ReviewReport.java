package io.trunkguard.review;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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

	@Column(name = "file_name", nullable = false, length = 200)
	private String fileName;

	@Column(name = "content_type", nullable = false, length = 100)
	private String contentType;

	@Column(nullable = false)
	private byte[] content;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(nullable = false, length = 64)
	private String sha256;

	@Column(name = "evidence_date", nullable = false)
	private Instant evidenceDate;

	@Column(name = "generated_at", nullable = false)
	private Instant generatedAt;

	protected ReviewReport() {
		// for JPA
	}

	ReviewReport(CampaignId campaignId, Format format, String fileName, byte[] content, String sha256,
			Instant evidenceDate, Instant generatedAt) {
		this.id = UUID.randomUUID();
		this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
		this.format = Objects.requireNonNull(format, "format");
		this.fileName = fileName;
		this.contentType = format.contentType();
		this.content = content.clone();
		this.sizeBytes = content.length;
		this.sha256 = sha256;
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

	public String getFileName() {
		return fileName;
	}

	public String getContentType() {
		return contentType;
	}

	public byte[] getContent() {
		return content.clone();
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public String getSha256() {
		return sha256;
	}

	public Instant getEvidenceDate() {
		return evidenceDate;
	}

	public Instant getGeneratedAt() {
		return generatedAt;
	}

}
