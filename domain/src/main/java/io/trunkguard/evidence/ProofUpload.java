package io.trunkguard.evidence;

import io.trunkguard.shared.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A file offered as proof of a manual removal (screenshot, ticket export, PDF), as
 * uploaded: by a system owner remediating an access review item or confirming a
 * deprovisioning removal. {@link #check} refuses what may not be stored: empty or larger
 * than {@value #MAX_BYTES} bytes, a content type outside {@link #ALLOWED_TYPES}, or
 * content that does not look like the type claimed.
 */
public record ProofUpload(String fileName, String contentType, byte[] content) {

	/** 5 MiB. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/**
	 * PDF, PNG, JPEG, plain text and CSV: enough for screenshots, exports and ticket
	 * prints, none of them active content.
	 */
	public static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/plain",
			"text/csv");

	private static final int MAX_NAME = 200;

	public ProofUpload {
		Objects.requireNonNull(content, "content");
	}

	/** Refuses, with a clear message, a file that may not be stored as proof. */
	public void check() {
		if (content.length == 0) {
			throw new InvalidInputException("proof.empty", "The attached file is empty.",
					Map.of("attachment", "empty"));
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("proof.too-large", "The attached file has " + content.length
					+ " bytes; at most " + MAX_BYTES / (1024 * 1024) + " MB are accepted.",
					Map.of("attachment", "too large"));
		}
		String type = normalType(contentType);
		if (!ALLOWED_TYPES.contains(type)) {
			throw new InvalidInputException("proof.type-not-allowed",
					"Files of type " + (type.isEmpty() ? "(unknown)" : type)
							+ " are not accepted as proof; attach a PDF, PNG, JPEG, text or CSV file.",
					Map.of("attachment", "type not allowed"));
		}
		if (!looksLike(type, content)) {
			throw new InvalidInputException("proof.content-mismatch",
					"The attached file does not look like " + type + ".",
					Map.of("attachment", "content does not match its type"));
		}
		if (cleanName().isEmpty()) {
			throw new InvalidInputException("proof.name-required", "The attached file has no name.",
					Map.of("attachment", "no name"));
		}
	}

	/**
	 * The base name only (browsers on some systems send a path), without control
	 * characters, at most 200 characters.
	 */
	public String cleanName() {
		if (fileName == null) {
			return "";
		}
		String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		String clean = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
		return clean.length() <= MAX_NAME ? clean : clean.substring(clean.length() - MAX_NAME);
	}

	/** What the audit trail and a note say about it: name, size and SHA-256. */
	public String describe() {
		return cleanName() + ", " + content.length + " bytes, sha256 " + Sha256.hex(content);
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
		return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
	}

}
