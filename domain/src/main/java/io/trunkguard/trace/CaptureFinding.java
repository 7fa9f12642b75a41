package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One finding of an analysed capture: rule, severity, SOC 2 criterion, what it is about,
 * the frames that prove it, and the carrier it concerns when its leg is attached to one.
 */
@Entity
@Table(name = "capture_finding")
public class CaptureFinding {

	/** How many frame numbers are kept per finding (the JSON report keeps them all). */
	static final int MAX_FRAMES = 50;

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "capture_id", nullable = false))
	private CaptureId captureId;

	@Column(name = "rule_id", nullable = false, length = 60)
	private String ruleId;

	@Column(nullable = false, length = 10)
	private String severity;

	@Column(nullable = false, length = 40)
	private String criterion;

	@Column(name = "subject_type", nullable = false, length = 20)
	private String subjectType;

	@Column(name = "subject_id", nullable = false, length = 300)
	private String subjectId;

	/** Space separated frame numbers. */
	@Column(length = 1000)
	private String frames;

	@Column(nullable = false, length = 2000)
	private String explanation;

	@Column(length = 2000)
	private String remediation;

	@Column(length = 4000)
	private String evidence;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id"))
	private VendorId vendorId;

	protected CaptureFinding() {
		// for JPA
	}

	CaptureFinding(CaptureId captureId, AnalysisResult.FindingFacts finding) {
		this.id = UUID.randomUUID();
		this.captureId = captureId;
		this.ruleId = finding.ruleId();
		this.severity = finding.severity();
		this.criterion = finding.criterion();
		this.subjectType = finding.subjectType();
		this.subjectId = CaptureLeg.cut(finding.subjectId(), 300);
		this.frames = String.join(" ", finding.frames().stream().limit(MAX_FRAMES).map(String::valueOf).toList());
		this.explanation = CaptureLeg.cut(finding.explanation(), 2000);
		this.remediation = CaptureLeg.cut(finding.remediation(), 2000);
		this.evidence = CaptureLeg.cut(finding.evidence(), 4000);
	}

	void attachTo(VendorId vendor) {
		this.vendorId = vendor;
	}

	/** Whether it is about the leg, one of its media streams or one of its dialogs. */
	public boolean concerns(CaptureLeg leg) {
		if ("leg".equals(subjectType)) {
			return subjectId.equals(leg.getLegId());
		}
		return ("media".equals(subjectType) || "dialog".equals(subjectType)) && leg.getSubjects().contains(subjectId);
	}

	public UUID getId() {
		return id;
	}

	public CaptureId getCaptureId() {
		return captureId;
	}

	public String getRuleId() {
		return ruleId;
	}

	public String getSeverity() {
		return severity;
	}

	public String getCriterion() {
		return criterion;
	}

	public String getSubjectType() {
		return subjectType;
	}

	public String getSubjectId() {
		return subjectId;
	}

	public List<Long> getFrames() {
		return frames == null || frames.isBlank() ? List.of()
				: Arrays.stream(frames.split(" ")).map(Long::valueOf).toList();
	}

	public String getExplanation() {
		return explanation;
	}

	public String getRemediation() {
		return remediation;
	}

	public String getEvidence() {
		return evidence;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

}
