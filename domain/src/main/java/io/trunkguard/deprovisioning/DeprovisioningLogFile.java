package io.trunkguard.deprovisioning;

import jakarta.persistence.Column;
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

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "file_id", nullable = false, updatable = false)
	private StoredFile file;

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

	DeprovisioningLogFile(DeprovisioningPeriod period, Format format, StoredFile file, int caseCount,
			Instant evidenceDate, Instant generatedAt, String generatedBy) {
		this.id = UUID.randomUUID();
		this.periodFrom = period.from();
		this.periodTo = period.to();
		this.format = Objects.requireNonNull(format, "format");
		this.criterion = CRITERION;
		this.file = Objects.requireNonNull(file, "file");
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
