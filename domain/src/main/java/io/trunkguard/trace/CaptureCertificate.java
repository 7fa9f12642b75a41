package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A certificate a server sent in an analysed capture, by fingerprint, with its endpoint.
 */
@Entity
@Table(name = "capture_certificate")
public class CaptureCertificate {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "capture_id", nullable = false))
	private CaptureId captureId;

	@Column(name = "leg_id", nullable = false, length = 40)
	private String legId;

	@Column(nullable = false, length = 80)
	private String endpoint;

	@Column(name = "sha256_fingerprint", nullable = false, length = 100)
	private String sha256Fingerprint;

	@Column(length = 1000)
	private String subject;

	@Column(length = 1000)
	private String issuer;

	@Column(name = "not_before")
	private Instant notBefore;

	@Column(name = "not_after")
	private Instant notAfter;

	@Column(name = "self_signed", nullable = false)
	private boolean selfSigned;

	@Column(name = "key_algorithm", length = 40)
	private String keyAlgorithm;

	@Column(name = "key_bits", nullable = false)
	private int keyBits;

	@Column(name = "signature_algorithm", length = 80)
	private String signatureAlgorithm;

	/** Newline separated. */
	@Column(length = 4000)
	private String names;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id"))
	private VendorId vendorId;

	@jakarta.persistence.Column(length = 100)
	private String serial;

	protected CaptureCertificate() {
		// for JPA
	}

	CaptureCertificate(CaptureId captureId, AnalysisResult.CertificateFacts cert) {
		this.id = UUID.randomUUID();
		this.captureId = captureId;
		this.legId = cert.legId();
		this.endpoint = cert.endpoint();
		this.sha256Fingerprint = cert.sha256Fingerprint();
		this.subject = CaptureLeg.cut(cert.subject(), 1000);
		this.issuer = CaptureLeg.cut(cert.issuer(), 1000);
		this.notBefore = cert.notBefore();
		this.notAfter = cert.notAfter();
		this.selfSigned = cert.selfSigned();
		this.keyAlgorithm = cert.keyAlgorithm();
		this.keyBits = cert.keyBits();
		this.signatureAlgorithm = cert.signatureAlgorithm();
		this.names = CaptureLeg.cut(String.join("\n", cert.names()), 4000);
		this.serial = CaptureLeg.cut(cert.serial(), 100);
	}

	/** The serial number in hex, or null (captures analysed before it was kept). */
	public String getSerial() {
		return serial;
	}

	void attachTo(VendorId vendor) {
		this.vendorId = vendor;
	}

	public UUID getId() {
		return id;
	}

	public CaptureId getCaptureId() {
		return captureId;
	}

	public String getLegId() {
		return legId;
	}

	public String getEndpoint() {
		return endpoint;
	}

	public String getSha256Fingerprint() {
		return sha256Fingerprint;
	}

	public String getSubject() {
		return subject;
	}

	public String getIssuer() {
		return issuer;
	}

	public Instant getNotBefore() {
		return notBefore;
	}

	public Instant getNotAfter() {
		return notAfter;
	}

	public boolean isSelfSigned() {
		return selfSigned;
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

	public List<String> getNames() {
		return CaptureLeg.lines(names);
	}

	public VendorId getVendorId() {
		return vendorId;
	}

}
