package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A certificate on the watch list: seen in a capture (first sighting) or added by hand (a
 * PEM or DER file), with the facts an auditor's export lists, the carrier and endpoint it
 * belongs to, and the earlier certificate of the same endpoint it renews.
 */
@Entity
@Table(name = "watched_certificate")
public class WatchedCertificate {

	/** Where the certificate came from. */
	public enum Origin {

		CAPTURE("Seen in a capture"), HAND("Added by hand");

		private final String label;

		Origin(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	@Id
	private UUID id;

	@Column(name = "sha256_fingerprint", nullable = false, length = 64)
	private String sha256Fingerprint;

	@Column(length = 1000)
	private String subject;

	/** Newline separated. */
	@Column(name = "subject_alt_names", length = 4000)
	private String subjectAltNames;

	@Column(length = 1000)
	private String issuer;

	@Column(length = 100)
	private String serial;

	@Column(name = "not_before")
	private Instant notBefore;

	@Column(name = "not_after")
	private Instant notAfter;

	@Column(name = "key_algorithm", length = 40)
	private String keyAlgorithm;

	@Column(name = "key_bits", nullable = false)
	private int keyBits;

	@Column(name = "signature_algorithm", length = 80)
	private String signatureAlgorithm;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private Origin origin;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id"))
	private VendorId vendorId;

	@Column(length = 255)
	private String endpoint;

	@Column(name = "file_id")
	private UUID fileId;

	@Column(name = "added_by", nullable = false, length = 200)
	private String addedBy;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	@Column(name = "renews_id")
	private UUID renewsId;

	protected WatchedCertificate() {
		// for JPA
	}

	/** The facts of a certificate, however it was read. */
	public record Facts(String sha256Fingerprint, String subject, List<String> subjectAltNames, String issuer,
			String serial, Instant notBefore, Instant notAfter, String keyAlgorithm, int keyBits,
			String signatureAlgorithm) {
	}

	WatchedCertificate(Facts facts, Origin origin, VendorId vendorId, String endpoint, UUID fileId, UUID renewsId,
			String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.sha256Fingerprint = facts.sha256Fingerprint();
		this.subject = CaptureLeg.cut(facts.subject(), 1000);
		this.subjectAltNames = CaptureLeg.cut(String.join("\n", facts.subjectAltNames()), 4000);
		this.issuer = CaptureLeg.cut(facts.issuer(), 1000);
		this.serial = CaptureLeg.cut(facts.serial(), 100);
		this.notBefore = facts.notBefore();
		this.notAfter = facts.notAfter();
		this.keyAlgorithm = CaptureLeg.cut(facts.keyAlgorithm(), 40);
		this.keyBits = facts.keyBits();
		this.signatureAlgorithm = CaptureLeg.cut(facts.signatureAlgorithm(), 80);
		this.origin = origin;
		this.vendorId = vendorId;
		this.endpoint = CaptureLeg.cut(endpoint, 255);
		this.fileId = fileId;
		this.renewsId = renewsId;
		this.addedBy = actor;
		this.addedAt = now;
	}

	/** Whole days from {@code today} to its expiry (negative once expired), or null. */
	public Long daysLeft(LocalDate today) {
		return notAfter == null ? null : ChronoUnit.DAYS.between(today, LocalDate.ofInstant(notAfter, ZoneOffset.UTC));
	}

	public UUID getId() {
		return id;
	}

	public String getSha256Fingerprint() {
		return sha256Fingerprint;
	}

	public String getSubject() {
		return subject;
	}

	public List<String> getSubjectAltNames() {
		return subjectAltNames == null || subjectAltNames.isEmpty() ? List.of()
				: Arrays.asList(subjectAltNames.split("\n"));
	}

	public String getIssuer() {
		return issuer;
	}

	public String getSerial() {
		return serial;
	}

	public Instant getNotBefore() {
		return notBefore;
	}

	public Instant getNotAfter() {
		return notAfter;
	}

	public String getKeyAlgorithm() {
		return keyAlgorithm;
	}

	public int getKeyBits() {
		return keyBits;
	}

	public String getSignatureAlgorithm() {
		return signatureAlgorithm;
	}

	public Origin getOrigin() {
		return origin;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public String getEndpoint() {
		return endpoint;
	}

	public UUID getFileId() {
		return fileId;
	}

	public String getAddedBy() {
		return addedBy;
	}

	public Instant getAddedAt() {
		return addedAt;
	}

	/** The earlier certificate of the same endpoint this one renews, or null. */
	public UUID getRenewsId() {
		return renewsId;
	}

}
