package io.trunkguard.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place a SHA-256 is computed and written: 64 lower-case hex digits, as stored
 * with every {@link StoredFile}, named in manifests and compared by verifiers. Also used
 * for hashing secrets (tokens) before they are stored.
 */
public final class Sha256 {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

	private Sha256() {
	}

	/** A new digest, for content read in pieces. */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

	public static String hex(byte[] content) {
		return HexFormat.of().formatHex(digest().digest(content));
	}

	/** The SHA-256 of a text's UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The hex form of a finished digest. */
	public static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

	/** Lower-cased and stripped; whatever it was, never null. */
	public static String normal(String sha256) {
		return sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
	}

	/** Whether this is a SHA-256 in the stored form (64 lower-case hex digits). */
	public static boolean isHex(String sha256) {
		return sha256 != null && HEX.matcher(sha256).matches();
	}

}
