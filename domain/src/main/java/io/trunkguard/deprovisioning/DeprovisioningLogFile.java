package io.trunkguard.deprovisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored deprovisioning log (XLSX or PDF summary) for a period: SOC 2 CC6.1 evidence
 * dated the end of its period, with its SHA-256. Never changed after it is stored.
 */
@Entity
@Table(name = "deprovisioning_log_file")
public class DeprovisioningLogFile {

	/** The formats of the log. */
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

	public static final String CRITERION = "CC6.1";

	@Id
	private UUID id;

	@Column(name = "period_from", nullable = false)
	private LocalDate periodFrom;

	@Column(name = "period_to", nullable = false)
	private LocalDate periodTo;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 10)
	private Format format;

	@Column(nullable = false, length = 10)
	private String criterion;

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

	@Column(name = "case_count", nullable = false)
	private int caseCount;

	@Column(name = "evidence_date", nullable = false)
	private Instant evidenceDate;

	@Column(name = "generated_at", nullable = false)
	private Instant generatedAt;

	@Column(name = "generated_by", nullable = false, length = 100)
	private String generatedBy;

	protected DeprovisioningLogFile() {
		// for JPA
	}

	DeprovisioningLogFile(DeprovisioningPeriod period, Format format, byte[] content, String sha256, int caseCount,
			Instant evidenceDate, Instant generatedAt, String generatedBy) {
		this.id = UUID.randomUUID();
		this.periodFrom = period.from();
		this.periodTo = period.to();
		this.format = Objects.requireNonNull(format, "format");
		this.criterion = CRITERION;
		this.fileName = fileName(period, format);
		this.contentType = format.contentType();
		this.content = content.clone();
		this.sizeBytes = content.length;
		this.sha256 = sha256;
		this.caseCount = caseCount;
		this.evidenceDate = evidenceDate;
		this.generatedAt = generatedAt;
		this.generatedBy = generatedBy;
	}

	public static String fileName(DeprovisioningPeriod period, Format format) {
		return "deprovisioning-log-" + period.from() + "-to-" + period.to() + "." + format.extension();
	}

	public UUID getId() {
		return id;
	}

	public DeprovisioningPeriod getPeriod() {
		return new DeprovisioningPeriod(periodFrom, periodTo);
	}

	public Format getFormat() {
		return format;
	}

	public String getCriterion() {
		return criterion;
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

	public int getCaseCount() {
		return caseCount;
	}

	public Instant getEvidenceDate() {
		return evidenceDate;
	}

	public Instant getGeneratedAt() {
		return generatedAt;
	}

	public String getGeneratedBy() {
		return generatedBy;
	}

}
