package io.trunkguard.vendor;

import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.vendor.SocReportFacts.Opinion;
import io.trunkguard.vendor.SocReportFacts.ReportType;
import io.trunkguard.vendor.SocReportFacts.SocType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A carrier's SOC report as reviewed: type, period, opinion, exceptions with our
 * assessment, CUECs mapped to our controls, subservice organisations, bridge letter, and
 * the stored files of the report and the letter. Never changed once recorded: a corrected
 * review is a new record.
 */
@Entity
@Table(name = "vendor_soc_report")
public class SocReport {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "soc_type", nullable = false, length = 10)
	private SocType socType;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "report_type", nullable = false, length = 10)
	private ReportType reportType;

	/** Comma-separated trust services categories. */
	@Column(nullable = false, length = 300)
	private String categories;

	@Column(name = "period_start")
	private LocalDate periodStart;

	@Column(name = "period_end", nullable = false)
	private LocalDate periodEnd;

	@Column(name = "issued_on", nullable = false)
	private LocalDate issuedOn;

	@Column(name = "auditor_firm", nullable = false, length = 200)
	private String auditorFirm;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private Opinion opinion;

	@Column(length = 4000)
	private String qualification;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "vendor_soc_exception", joinColumns = @JoinColumn(name = "report_id"))
	@OrderColumn(name = "position")
	private List<SocException> exceptions = new ArrayList<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "vendor_soc_cuec", joinColumns = @JoinColumn(name = "report_id"))
	@OrderColumn(name = "position")
	private List<Cuec> cuecs = new ArrayList<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "vendor_soc_subservice", joinColumns = @JoinColumn(name = "report_id"))
	@OrderColumn(name = "position")
	private List<Subservice> subservices = new ArrayList<>();

	@Column(name = "bridge_from")
	private LocalDate bridgeFrom;

	@Column(name = "bridge_to")
	private LocalDate bridgeTo;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "report_file_id"))
	private StoredFileId reportFileId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "bridge_file_id"))
	private StoredFileId bridgeFileId;

	@Column(name = "reviewed_by", nullable = false, length = 200)
	private String reviewedBy;

	@Column(name = "reviewed_at", nullable = false)
	private Instant reviewedAt;

	protected SocReport() {
		// for JPA
	}

	SocReport(VendorId vendorId, SocReportDraft draft, StoredFileId reportFileId, StoredFileId bridgeFileId,
			String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.vendorId = vendorId;
		this.socType = draft.socType();
		this.reportType = draft.reportType();
		this.categories = String.join(",", draft.categories());
		this.periodStart = draft.reportType() == ReportType.TYPE_II ? draft.periodStart() : null;
		this.periodEnd = draft.periodEnd();
		this.issuedOn = draft.issuedOn();
		this.auditorFirm = draft.auditorFirm();
		this.opinion = draft.opinion();
		this.qualification = draft.qualification();
		this.exceptions.addAll(draft.exceptions());
		this.cuecs.addAll(draft.cuecs());
		this.subservices.addAll(draft.subservices());
		this.bridgeFrom = draft.bridgeFrom();
		this.bridgeTo = draft.bridgeTo();
		this.reportFileId = reportFileId;
		this.bridgeFileId = bridgeFileId;
		this.reviewedBy = actor;
		this.reviewedAt = now;
	}

	/** Whether the bridge letter (if any) is in the record. */
	public boolean hasBridgeLetter() {
		return bridgeTo != null;
	}

	/** "SOC 2 Type II, 2025-01-01 to 2025-12-31" or "SOC 2 Type I as of 2025-06-30". */
	public String describe() {
		String head = socType.label() + " " + reportType.label();
		return periodStart == null ? head + " as of " + periodEnd : head + ", " + periodStart + " to " + periodEnd;
	}

	public UUID getId() {
		return id;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public SocType getSocType() {
		return socType;
	}

	public ReportType getReportType() {
		return reportType;
	}

	public List<String> getCategories() {
		return categories.isEmpty() ? List.of() : Arrays.asList(categories.split(","));
	}

	public LocalDate getPeriodStart() {
		return periodStart;
	}

	public LocalDate getPeriodEnd() {
		return periodEnd;
	}

	public LocalDate getIssuedOn() {
		return issuedOn;
	}

	public String getAuditorFirm() {
		return auditorFirm;
	}

	public Opinion getOpinion() {
		return opinion;
	}

	public String getQualification() {
		return qualification;
	}

	public List<SocException> getExceptions() {
		return List.copyOf(exceptions);
	}

	public List<Cuec> getCuecs() {
		return List.copyOf(cuecs);
	}

	public List<Subservice> getSubservices() {
		return List.copyOf(subservices);
	}

	public LocalDate getBridgeFrom() {
		return bridgeFrom;
	}

	public LocalDate getBridgeTo() {
		return bridgeTo;
	}

	public StoredFileId getReportFileId() {
		return reportFileId;
	}

	public StoredFileId getBridgeFileId() {
		return bridgeFileId;
	}

	public String getReviewedBy() {
		return reviewedBy;
	}

	public Instant getReviewedAt() {
		return reviewedAt;
	}

}
