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
 * A signed document of a carrier (DPA, BAA, SOC report, bridge letter) with the period it
 * is valid for and its stored file.
 */
@Entity
@Table(name = "vendor_document")
public class CarrierDocument {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private DocumentKind kind;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(name = "valid_from", nullable = false)
	private LocalDate validFrom;

	@Column(name = "valid_until")
	private LocalDate validUntil;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "file_id"))
	private StoredFileId fileId;

	@Column(name = "added_by", nullable = false, length = 200)
	private String addedBy;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected CarrierDocument() {
		// for JPA
	}

	CarrierDocument(VendorId vendorId, DocumentDraft draft, StoredFileId fileId, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.vendorId = vendorId;
		this.kind = draft.kind();
		this.title = draft.title();
		this.validFrom = draft.validFrom();
		this.validUntil = draft.validUntil();
		this.fileId = fileId;
		this.addedBy = actor;
		this.addedAt = now;
	}

	/** Whether the document is valid on every day from {@code from} to {@code to}. */
	public boolean validThroughout(LocalDate from, LocalDate to) {
		return !from.isBefore(validFrom) && (validUntil == null || !to.isAfter(validUntil));
	}

	public UUID getId() {
		return id;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public DocumentKind getKind() {
		return kind;
	}

	public String getTitle() {
		return title;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidUntil() {
		return validUntil;
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
