package io.trunkguard.change;

import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.vendor.VendorId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A change to the SIP infrastructure: what changed on which SBC, PBX, proxy or trunk (and
 * carrier), why, who asked for it, when it was applied, and who approved it: never the
 * person who asked for it or recorded it.
 */
@Entity
@Table(name = "sip_change")
public class SipChange {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private SipChangeId id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private InfrastructureKind kind;

	@Column(name = "system_name", nullable = false, length = 200)
	private String systemName;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id"))
	private VendorId vendorId;

	@Column(nullable = false, length = 300)
	private String summary;

	@Column(nullable = false, length = 4000)
	private String reason;

	@Column(name = "requested_by", nullable = false, length = 200)
	private String requestedBy;

	@Column(name = "applied_on", nullable = false)
	private LocalDate appliedOn;

	@Column(name = "touches_encryption", nullable = false)
	private boolean touchesEncryption;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "capture_id"))
	private CaptureId captureId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private ChangeStatus status;

	@Column(name = "recorded_by", nullable = false, length = 200)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "approved_by", length = 200)
	private String approvedBy;

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Column(name = "evidence_item_id")
	private UUID evidenceItemId;

	@Version
	private long version;

	protected SipChange() {
		// for JPA
	}

	SipChange(NewSipChange draft, String recordedBy, Instant at) {
		this.id = SipChangeId.random();
		this.kind = draft.kind();
		this.systemName = draft.systemName().strip();
		this.vendorId = draft.vendorId();
		this.summary = draft.summary().strip();
		this.reason = draft.reason().strip();
		this.requestedBy = draft.requestedBy().strip();
		this.appliedOn = draft.appliedOn();
		this.touchesEncryption = draft.touchesEncryption();
		this.captureId = draft.captureId();
		this.status = ChangeStatus.AWAITING_APPROVAL;
		this.recordedBy = recordedBy;
		this.recordedAt = at;
	}

	/**
	 * Whether {@code person} may approve: someone other than the requester and the
	 * recorder.
	 */
	public boolean approvableBy(String person) {
		return status == ChangeStatus.AWAITING_APPROVAL && !same(person, requestedBy) && !same(person, recordedBy);
	}

	void approve(String approver, Instant at) {
		if (status != ChangeStatus.AWAITING_APPROVAL) {
			throw new InvalidStateException("change.already-approved",
					"This change was already approved by " + approvedBy + ".");
		}
		if (same(approver, requestedBy)) {
			throw new InvalidStateException("change.self-approval",
					approver + " asked for this change and so cannot approve it: a second person must approve it.");
		}
		if (same(approver, recordedBy)) {
			throw new InvalidStateException("change.recorder-approval",
					approver + " recorded this change and so cannot approve it: a second person must approve it.");
		}
		this.status = ChangeStatus.APPROVED;
		this.approvedBy = approver;
		this.approvedAt = at;
	}

	void linkCapture(CaptureId capture) {
		this.captureId = capture;
	}

	void evidencedBy(UUID item) {
		this.evidenceItemId = item;
	}

	private static boolean same(String a, String b) {
		return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
	}

	public SipChangeId getId() {
		return id;
	}

	public InfrastructureKind getKind() {
		return kind;
	}

	public String getSystemName() {
		return systemName;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public String getSummary() {
		return summary;
	}

	public String getReason() {
		return reason;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public LocalDate getAppliedOn() {
		return appliedOn;
	}

	public boolean isTouchesEncryption() {
		return touchesEncryption;
	}

	public CaptureId getCaptureId() {
		return captureId;
	}

	public ChangeStatus getStatus() {
		return status;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	public String getApprovedBy() {
		return approvedBy;
	}

	public Instant getApprovedAt() {
		return approvedAt;
	}

	public UUID getEvidenceItemId() {
		return evidenceItemId;
	}

}
