package io.trunkguard.vendor;

import io.trunkguard.evidence.StoredFileId;
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
import java.time.LocalDate;
import java.util.UUID;

/**
 * A contract with a carrier: its term, notice period, renewal, and the encryption clause
 * as data (signalling and media), so that it can be checked against observed traffic.
 */
@Entity
@Table(name = "vendor_contract")
public class CarrierContract {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(name = "starts_on", nullable = false)
	private LocalDate startsOn;

	@Column(name = "ends_on")
	private LocalDate endsOn;

	@Column(name = "notice_days", nullable = false)
	private int noticeDays;

	@Column(name = "auto_renews", nullable = false)
	private boolean autoRenews;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "signalling_clause", nullable = false, length = 20)
	private SignallingClause signalling;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "media_clause", nullable = false, length = 20)
	private MediaClause media;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "file_id"))
	private StoredFileId fileId;

	@Column(name = "added_by", nullable = false, length = 200)
	private String addedBy;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected CarrierContract() {
		// for JPA
	}

	CarrierContract(VendorId vendorId, ContractDraft draft, StoredFileId fileId, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.vendorId = vendorId;
		this.title = draft.title();
		this.startsOn = draft.startsOn();
		this.endsOn = draft.endsOn();
		this.noticeDays = draft.noticeDays();
		this.autoRenews = draft.autoRenews();
		this.signalling = draft.signalling();
		this.media = draft.media();
		this.fileId = fileId;
		this.addedBy = actor;
		this.addedAt = now;
	}

	/** Whether the contract is in force on {@code day} (an auto-renewing one runs on). */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(startsOn) && (endsOn == null || autoRenews || !day.isAfter(endsOn));
	}

	/** Whether the contract states any encryption requirement. */
	public boolean statesEncryption() {
		return signalling != SignallingClause.NONE || media != MediaClause.NONE;
	}

	/** "Signalling: TLS 1.2 or newer; media: SRTP". */
	public String describeClause() {
		return "Signalling: " + signalling.label() + "; media: " + media.label();
	}

	public UUID getId() {
		return id;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public String getTitle() {
		return title;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public int getNoticeDays() {
		return noticeDays;
	}

	public boolean isAutoRenews() {
		return autoRenews;
	}

	public SignallingClause getSignalling() {
		return signalling;
	}

	public MediaClause getMedia() {
		return media;
	}

	public StoredFileId getFileId() {
		return fileId;
	}

	public String getAddedBy() {
		return addedBy;
	}

	public Instant getAddedAt() {
		return addedAt;
	}

}
