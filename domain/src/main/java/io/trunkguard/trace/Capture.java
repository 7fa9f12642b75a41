package io.trunkguard.trace;

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
import org.springframework.data.domain.AbstractAggregateRoot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An uploaded packet capture and where its analysis stands. The raw file is a stored file
 * of the evidence module (deleted after the retention period); the analysis result (legs,
 * findings, certificates and the full report) stays.
 */
@Entity
@Table(name = "capture")
public class Capture extends AbstractAggregateRoot<Capture> {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private CaptureId id;

	@Version
	private Long version;

	@Column(name = "file_name", nullable = false, length = 255)
	private String fileName;

	@Column(nullable = false, length = 64, unique = true)
	private String sha256;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(name = "raw_file_id")
	private UUID rawFileId;

	@Column(name = "key_log_file_id")
	private UUID keyLogFileId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private CaptureLabel label;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id"))
	private VendorId vendorId;

	/** CIDRs separated by spaces. */
	@Column(name = "internal_networks", nullable = false, length = 2000)
	private String internalNetworks;

	@Column(name = "uploaded_by", nullable = false, length = 200)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private CaptureStatus status;

	@Column(name = "bytes_read", nullable = false)
	private long bytesRead;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "analysis_started_at")
	private Instant analysisStartedAt;

	@Column(name = "analysed_at")
	private Instant analysedAt;

	@Column(length = 2000)
	private String failure;

	@Column(name = "analyzer_version", length = 40)
	private String analyzerVersion;

	@Column(name = "schema_version", length = 20)
	private String schemaVersion;

	@Column(length = 40)
	private String format;

	@Column(name = "first_packet_at")
	private Instant firstPacketAt;

	@Column(name = "last_packet_at")
	private Instant lastPacketAt;

	@Column
	private Long packets;

	@Column
	private Boolean complete;

	@Column(length = 2000)
	private String damage;

	@Column(length = 1000)
	private String headline;

	@Column(name = "leg_count")
	private Integer legCount;

	@Column(name = "encrypted_legs")
	private Integer encryptedLegs;

	@Column(name = "partly_encrypted_legs")
	private Integer partlyEncryptedLegs;

	@Column(name = "unencrypted_legs")
	private Integer unencryptedLegs;

	@Column(name = "finding_count")
	private Integer findingCount;

	@Column(name = "raw_deleted_at")
	private Instant rawDeletedAt;

	protected Capture() {
		// for JPA
	}

	/** A capture just stored, queued for analysis; registers {@link CaptureReceived}. */
	public static Capture receive(CaptureId id, NewCapture upload, Instant now) {
		Capture capture = new Capture();
		capture.id = Objects.requireNonNull(id, "id");
		capture.fileName = upload.fileName();
		capture.sha256 = upload.sha256();
		capture.sizeBytes = upload.sizeBytes();
		capture.rawFileId = upload.rawFileId();
		capture.keyLogFileId = upload.keyLogFileId();
		capture.label = upload.label();
		capture.vendorId = upload.vendorId();
		capture.internalNetworks = String.join(" ", upload.internalNetworks());
		capture.uploadedBy = upload.uploadedBy();
		capture.uploadedAt = now;
		capture.status = CaptureStatus.QUEUED;
		capture.registerEvent(new CaptureReceived(id, capture.fileName, capture.sha256, capture.sizeBytes,
				capture.label, capture.vendorId, capture.uploadedBy, now));
		return capture;
	}

	/**
	 * A node starts (or retries) the analysis: the earlier attempt's progress and failure
	 * are forgotten.
	 */
	void startAnalysis(Instant now) {
		if (status == CaptureStatus.DONE) {
			throw new IllegalStateException("capture " + id + " is already analysed");
		}
		status = CaptureStatus.ANALYSING;
		attempts++;
		bytesRead = 0;
		failure = null;
		analysisStartedAt = now;
	}

	void progressed(long bytes) {
		if (status == CaptureStatus.ANALYSING) {
			bytesRead = Math.min(bytes, sizeBytes);
		}
	}

	void analysed(AnalysisResult result, Instant now) {
		AnalysisResult.CaptureFacts facts = result.capture();
		status = CaptureStatus.DONE;
		bytesRead = sizeBytes;
		failure = null;
		analysedAt = now;
		analyzerVersion = result.analyzerVersion();
		schemaVersion = result.schemaVersion();
		format = facts.format();
		firstPacketAt = facts.firstPacketAt();
		lastPacketAt = facts.lastPacketAt();
		packets = facts.packets();
		complete = facts.complete();
		damage = truncate(facts.damage(), 2000);
		headline = truncate(facts.headline(), 1000);
		legCount = result.legs().size();
		encryptedLegs = count(result, LegVerdict.ENCRYPTED);
		partlyEncryptedLegs = count(result, LegVerdict.PARTLY_ENCRYPTED);
		unencryptedLegs = count(result, LegVerdict.UNENCRYPTED);
		findingCount = result.findings().size();
	}

	void failed(String reason, Instant now) {
		status = CaptureStatus.FAILED;
		failure = truncate(reason, 2000);
		analysedAt = now;
	}

	private static int count(AnalysisResult result, LegVerdict verdict) {
		return (int) result.legs().stream().filter(leg -> leg.verdict() == verdict).count();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** Bytes read over size, 0.0 to 1.0. */
	public double progress() {
		if (status == CaptureStatus.DONE) {
			return 1.0;
		}
		return sizeBytes == 0 ? 0.0 : Math.min(1.0, (double) bytesRead / sizeBytes);
	}

	public CaptureId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public String getFileName() {
		return fileName;
	}

	public String getSha256() {
		return sha256;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public UUID getRawFileId() {
		return rawFileId;
	}

	public UUID getKeyLogFileId() {
		return keyLogFileId;
	}

	public CaptureLabel getLabel() {
		return label;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public List<String> getInternalNetworks() {
		return internalNetworks.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(internalNetworks.split(" ")));
	}

	public String getUploadedBy() {
		return uploadedBy;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}

	public CaptureStatus getStatus() {
		return status;
	}

	public long getBytesRead() {
		return bytesRead;
	}

	public int getAttempts() {
		return attempts;
	}

	public Instant getAnalysisStartedAt() {
		return analysisStartedAt;
	}

	public Instant getAnalysedAt() {
		return analysedAt;
	}

	public String getFailure() {
		return failure;
	}

	public String getAnalyzerVersion() {
		return analyzerVersion;
	}

	public String getSchemaVersion() {
		return schemaVersion;
	}

	public String getFormat() {
		return format;
	}

	public Instant getFirstPacketAt() {
		return firstPacketAt;
	}

	public Instant getLastPacketAt() {
		return lastPacketAt;
	}

	public Long getPackets() {
		return packets;
	}

	public Boolean getComplete() {
		return complete;
	}

	public String getDamage() {
		return damage;
	}

	public String getHeadline() {
		return headline;
	}

	public Integer getLegCount() {
		return legCount;
	}

	public Integer getEncryptedLegs() {
		return encryptedLegs;
	}

	public Integer getPartlyEncryptedLegs() {
		return partlyEncryptedLegs;
	}

	public Integer getUnencryptedLegs() {
		return unencryptedLegs;
	}

	public Integer getFindingCount() {
		return findingCount;
	}

	public Instant getRawDeletedAt() {
		return rawDeletedAt;
	}

	/** Share of legs encrypted end to end, 0.0 to 1.0, or null before the analysis. */
	public Double encryptedShare() {
		if (legCount == null || legCount == 0) {
			return null;
		}
		return (double) encryptedLegs / legCount;
	}

}
