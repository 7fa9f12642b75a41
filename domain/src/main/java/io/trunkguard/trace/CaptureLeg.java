package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One signalling leg of an analysed capture with its encryption facts, queryable; and the
 * carrier it is attached to, if its endpoints are that carrier's trunk.
 */
@Entity
@Table(name = "capture_leg")
public class CaptureLeg {

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "capture_id", nullable = false))
	private CaptureId captureId;

	@Column(name = "leg_id", nullable = false, length = 40)
	private String legId;

	@Column(nullable = false, length = 10)
	private String transport;

	@Column(name = "endpoint_a", nullable = false, length = 80)
	private String endpointA;

	@Column(name = "endpoint_b", nullable = false, length = 80)
	private String endpointB;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private LegVerdict verdict;

	@Column(length = 2000)
	private String reason;

	@Column(name = "tls_version", length = 20)
	private String tlsVersion;

	@Column(name = "cipher_suite", length = 120)
	private String cipherSuite;

	@Column(name = "server_name", length = 255)
	private String serverName;

	/** Newline separated. */
	@Column(name = "certificate_names", length = 4000)
	private String certificateNames;

	/** Newline separated. */
	@Column(name = "certificate_fingerprints", length = 2000)
	private String certificateFingerprints;

	/** Newline separated, one line per media stream. */
	@Column(length = 4000)
	private String media;

	/** Newline separated. */
	@Column(name = "srtp_suites", length = 1000)
	private String srtpSuites;

	/** Newline separated media ids and Call-IDs. */
	@Column(length = 4000)
	private String subjects;

	@Column(name = "plain_media", nullable = false)
	private boolean plainMedia;

	@Column(name = "first_frame", nullable = false)
	private long firstFrame;

	@Column(name = "last_frame", nullable = false)
	private long lastFrame;

	@Column(name = "first_seen_at")
	private Instant firstSeenAt;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id"))
	private VendorId vendorId;

	protected CaptureLeg() {
		// for JPA
	}

	CaptureLeg(CaptureId captureId, AnalysisResult.LegFacts leg) {
		this.id = UUID.randomUUID();
		this.captureId = captureId;
		this.legId = leg.legId();
		this.transport = leg.transport();
		this.endpointA = leg.endpointA();
		this.endpointB = leg.endpointB();
		this.verdict = leg.verdict();
		this.reason = cut(leg.reason(), 2000);
		this.tlsVersion = leg.tlsVersion();
		this.cipherSuite = leg.cipherSuite();
		this.serverName = leg.serverName();
		this.certificateNames = cut(String.join("\n", leg.certificateNames()), 4000);
		this.certificateFingerprints = cut(String.join("\n", leg.certificateFingerprints()), 2000);
		this.media = cut(String.join("\n", leg.media()), 4000);
		this.srtpSuites = cut(String.join("\n", leg.srtpSuites()), 1000);
		this.plainMedia = leg.plainMedia();
		this.subjects = cut(String.join("\n", leg.subjects()), 4000);
		this.firstFrame = leg.firstFrame();
		this.lastFrame = leg.lastFrame();
		this.firstSeenAt = leg.firstSeenAt();
	}

	static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
	}

	void attachTo(VendorId vendor) {
		this.vendorId = vendor;
	}

	public boolean signallingEncrypted() {
		return "TLS".equals(transport) || "WSS".equals(transport);
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

	public String getTransport() {
		return transport;
	}

	public String getEndpointA() {
		return endpointA;
	}

	public String getEndpointB() {
		return endpointB;
	}

	public LegVerdict getVerdict() {
		return verdict;
	}

	public String getReason() {
		return reason;
	}

	public String getTlsVersion() {
		return tlsVersion;
	}

	public String getCipherSuite() {
		return cipherSuite;
	}

	public String getServerName() {
		return serverName;
	}

	public List<String> getCertificateNames() {
		return lines(certificateNames);
	}

	public List<String> getCertificateFingerprints() {
		return lines(certificateFingerprints);
	}

	public List<String> getMedia() {
		return lines(media);
	}

	public List<String> getSrtpSuites() {
		return lines(srtpSuites);
	}

	/** The ids of its media streams and the Call-IDs of its dialogs. */
	public List<String> getSubjects() {
		return lines(subjects);
	}

	public boolean isPlainMedia() {
		return plainMedia;
	}

	public long getFirstFrame() {
		return firstFrame;
	}

	public long getLastFrame() {
		return lastFrame;
	}

	public Instant getFirstSeenAt() {
		return firstSeenAt;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

}
