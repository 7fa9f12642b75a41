package io.trunkguard.review;

import io.trunkguard.shared.InvalidInputException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import io.trunkguard.evidence.StoredFile;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A file attached to a manual removal as proof (screenshot, ticket export, PDF): names
 * its {@link StoredFile} (bytes in the file store, with its SHA-256), never changed.
 * {@link #check} refuses what may not be stored: empty or larger than {@value #MAX_BYTES}
 * bytes, a content type outside {@link #ALLOWED_TYPES}, or content that does not look
 * like the type claimed.
 */
@Entity
@Table(name = "review_remediation_proof")
public class RemediationProof {

	/** 5 MiB. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/**
	 * PDF, PNG, JPEG, plain text and CSV: enough for screenshots, exports and ticket
	 * prints, none of them active content.
	 */
	public static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/plain",
			"text/csv");

	private static final int MAX_NAME = 200;

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "item_id", nullable = false))
	private ReviewItemId itemId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "campaign_id", nullable = false))
	private CampaignId campaignId;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "file_id", nullable = false, updatable = false)
	private StoredFile file;

	@Column(name = "uploaded_by", nullable = false, length = 100)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected RemediationProof() {
		// for JPA
	}

	RemediationProof(ReviewItem item, StoredFile file, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.itemId = item.getId();
		this.campaignId = item.getCampaignId();
		this.file = java.util.Objects.requireNonNull(file, "file");
		this.uploadedBy = actor;
		this.uploadedAt = now;
	}

	/** Refuses, with a clear message, a file that may not be stored as proof. */
	public static void check(ProofUpload upload) {
		byte[] content = upload.content();
		if (content.length == 0) {
			throw new InvalidInputException("proof.empty", "the attached file is empty", Map.of("attachment", "empty"));
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("proof.too-large", "the attached file has " + content.length
					+ " bytes; at most " + MAX_BYTES / (1024 * 1024) + " MB are accepted",
					Map.of("attachment", "too large"));
		}
		String type = normalType(upload.contentType());
		if (!ALLOWED_TYPES.contains(type)) {
			throw new InvalidInputException("proof.type-not-allowed",
					"files of type " + (type.isEmpty() ? "(unknown)" : type)
							+ " are not accepted as proof; attach a PDF, PNG, JPEG, text or CSV file",
					Map.of("attachment", "type not allowed"));
		}
		if (!looksLike(type, content)) {
			throw new InvalidInputException("proof.content-mismatch", "the attached file does not look like " + type,
					Map.of("attachment", "content does not match its type"));
		}
		if (cleanName(upload.fileName()).isEmpty()) {
			throw new InvalidInputException("proof.name-required", "the attached file has no name",
					Map.of("attachment", "no name"));
		}
	}

	private static boolean looksLike(String type, byte[] c) {
		return switch (type) {
			case "application/pdf" -> startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII));
			case "image/png" -> startsWith(c, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			case "image/jpeg" -> startsWith(c, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });
			// text: no NUL bytes in what is meant to be read as text
			default -> !containsNul(c);
		};
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean containsNul(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	private static String normalType(String contentType) {
		if (contentType == null) {
			return "";
		}
		int semicolon = contentType.indexOf(';');
		return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
			.toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The base name only (browsers on some systems send a path), without control
	 * characters, at most 200 characters.
	 */
	static String cleanName(String name) {
		if (name == null) {
			return "";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String clean = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
		return clean.length() <= MAX_NAME ? clean : clean.substring(clean.length() - MAX_NAME);
	}

	public UUID getId() {
		return id;
	}

	public ReviewItemId getItemId() {
		return itemId;
	}

	public CampaignId getCampaignId() {
		return campaignId;
	}

	/** The stored file (name, type, size, SHA-256; its bytes from the file store). */
	public StoredFile getFile() {
		return file;
	}

	public String getFileName() {
		return file.getOriginalName();
	}

	public String getContentType() {
		return file.getContentType();
	}

	public long getSizeBytes() {
		return file.getSizeBytes();
	}

	public String getSha256() {
		return file.getSha256();
	}

	public String getUploadedBy() {
		return uploadedBy;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}

}
