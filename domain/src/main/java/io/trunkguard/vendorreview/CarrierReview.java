package io.trunkguard.vendorreview;

import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.vendor.VendorId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One annual review of a carrier: the questionnaire it sent, the SOC report it assessed,
 * the document checks, the decision, the stored review record and the next due date.
 * Steps move forward only; a decided review is never changed.
 */
@Entity
@Table(name = "vendor_review")
public class CarrierReview {

	@Id
	private UUID id;

	@Version
	private Long version;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 30)
	private ReviewStatus status;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 30)
	private ReviewStep step;

	@Column(name = "started_by", nullable = false, length = 200)
	private String startedBy;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "due_on")
	private LocalDate dueOn;

	@Column(name = "questionnaire_id")
	private UUID questionnaireId;

	@Column(name = "questionnaire_note", length = 1000)
	private String questionnaireNote;

	@Column(name = "soc_report_id")
	private UUID socReportId;

	@Column(name = "coverage_summary", length = 2000)
	private String coverageSummary;

	@Column(name = "coverage_ok")
	private Boolean coverageOk;

	@Column(name = "documents_ok")
	private Boolean documentsOk;

	@Column(name = "document_findings", length = 4000)
	private String documentFindings;

	@Column(name = "encryption_status", length = 300)
	private String encryptionStatus;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(length = 30)
	private Decision decision;

	@Column(length = 4000)
	private String rationale;

	@Column(name = "decided_by", length = 200)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "record_file_id"))
	private StoredFileId recordFileId;

	@Column(name = "next_due_on")
	private LocalDate nextDueOn;

	@Column(name = "completed_at")
	private Instant completedAt;

	protected CarrierReview() {
		// for JPA
	}

	CarrierReview(VendorId vendorId, LocalDate dueOn, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.vendorId = vendorId;
		this.status = ReviewStatus.IN_PROGRESS;
		this.step = ReviewStep.QUESTIONNAIRE;
		this.startedBy = actor;
		this.startedAt = now;
		this.dueOn = dueOn;
	}

	/** A review decided before Trunkguard held the register. */
	static CarrierReview past(VendorId vendorId, Instant decidedAt, Decision decision, String rationale,
			String decidedBy, LocalDate nextDueOn, String actor, Instant now) {
		CarrierReview review = new CarrierReview(vendorId, null, actor, decidedAt);
		review.questionnaireNote = "Imported by " + actor + " on " + now + ": reviewed before Trunkguard.";
		review.decision = decision;
		review.status = decision.status();
		review.rationale = rationale;
		review.decidedBy = decidedBy;
		review.decidedAt = decidedAt;
		review.nextDueOn = nextDueOn;
		review.completedAt = decidedAt;
		review.step = ReviewStep.DONE;
		return review;
	}

	void questionnaireSent(UUID questionnaireId, String note) {
		this.questionnaireId = questionnaireId;
		this.questionnaireNote = note;
		this.step = questionnaireId == null ? ReviewStep.SOC_REPORT_REVIEW : ReviewStep.QUESTIONNAIRE;
	}

	void questionnaireExpired() {
		requireStep(ReviewStep.QUESTIONNAIRE);
		this.step = ReviewStep.QUESTIONNAIRE_EXPIRED;
	}

	void questionnaireResent() {
		this.step = ReviewStep.QUESTIONNAIRE;
	}

	void continueToSocReport(String note) {
		if (note != null) {
			this.questionnaireNote = note;
		}
		this.step = ReviewStep.SOC_REPORT_REVIEW;
	}

	void socReportReviewed(UUID reportId, boolean coverageOk, String coverageSummary) {
		requireStep(ReviewStep.SOC_REPORT_REVIEW);
		this.socReportId = reportId;
		this.coverageOk = coverageOk;
		this.coverageSummary = coverageSummary;
		this.step = ReviewStep.DOCUMENT_CHECK;
	}

	void documentsChecked(boolean ok, String findings, String encryptionStatus) {
		this.documentsOk = ok;
		this.documentFindings = findings;
		this.encryptionStatus = encryptionStatus;
		this.step = ReviewStep.DECISION;
	}

	void decide(Decision decision, String rationale, String actor, Instant now) {
		requireStep(ReviewStep.DECISION);
		this.decision = decision;
		this.rationale = rationale;
		this.decidedBy = actor;
		this.decidedAt = now;
		this.status = decision.status();
		this.step = ReviewStep.RECORD;
	}

	void recordWritten(StoredFileId fileId) {
		this.recordFileId = fileId;
	}

	void complete(LocalDate nextDueOn, Instant now) {
		this.nextDueOn = nextDueOn;
		this.completedAt = now;
		this.step = ReviewStep.DONE;
	}

	private void requireStep(ReviewStep expected) {
		if (step != expected) {
			throw new InvalidStateException("carrier-review.wrong-step",
					"The review is at \"" + step.label() + "\", not at \"" + expected.label() + "\".");
		}
	}

	public UUID getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public ReviewStatus getStatus() {
		return status;
	}

	public ReviewStep getStep() {
		return step;
	}

	public String getStartedBy() {
		return startedBy;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public LocalDate getDueOn() {
		return dueOn;
	}

	public UUID getQuestionnaireId() {
		return questionnaireId;
	}

	public String getQuestionnaireNote() {
		return questionnaireNote;
	}

	public UUID getSocReportId() {
		return socReportId;
	}

	public String getCoverageSummary() {
		return coverageSummary;
	}

	public Boolean getCoverageOk() {
		return coverageOk;
	}

	public Boolean getDocumentsOk() {
		return documentsOk;
	}

	public String getDocumentFindings() {
		return documentFindings;
	}

	public String getEncryptionStatus() {
		return encryptionStatus;
	}

	public Decision getDecision() {
		return decision;
	}

	public String getRationale() {
		return rationale;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public StoredFileId getRecordFileId() {
		return recordFileId;
	}

	public LocalDate getNextDueOn() {
		return nextDueOn;
	}

	public Instant getCompletedAt() {
		return completedAt;
	}

}
