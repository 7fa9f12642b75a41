package io.trunkguard.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical encoding and SHA-256 hash of an audit entry, documented so that anyone
 * can re-verify a chain with any tool. The hashed bytes are: the ASCII tag
 * {@code trunkguard-audit-v1}; the sequence number as an 8-byte big-endian integer; then
 * occurredAt, actor, action, subjectType, subjectId, details and previousHash, each as a
 * 4-byte big-endian length (-1 for null, no bytes follow) and its UTF-8 bytes. occurredAt
 * is truncated to microseconds (what H2 and PostgreSQL store) and written as
 * {@link Instant#toString()} does, e.g. {@code 2026-11-26T12:34:56.123456Z} (groups of
 * trailing zeros are dropped: {@code .123Z}, or no fraction at all). The hash is written
 * as 64 lower-case hexadecimal digits.
 */
public final class AuditHashes {

	/** The "previous hash" of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	private static final byte[] VERSION_TAG = "trunkguard-audit-v1".getBytes(StandardCharsets.UTF_8);

	private AuditHashes() {
	}

	public static String hash(long sequence, Instant occurredAt, String actor, String action, String subjectType,
			String subjectId, String details, String previousHash) {
		MessageDigest digest = sha256();
		digest.update(VERSION_TAG);
		digest.update(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
		digest.update(encodedFields(occurredAt, actor, action, subjectType, subjectId, details));
		field(digest, previousHash);
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * The hashed bytes between the sequence number and the previous hash: occurredAt,
	 * actor, action, subjectType, subjectId and details, each length-prefixed as
	 * described above. They do not depend on the entry's place in the chain, so they can
	 * be encoded before the chain head is locked (the PostgreSQL append function hashes
	 * {@code tag || sequence || these bytes || previous hash} itself).
	 */
	public static byte[] encodedFields(Instant occurredAt, String actor, String action, String subjectType,
			String subjectId, String details) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
		field(out, occurredAt == null ? null : occurredAt.toString());
		field(out, actor);
		field(out, action);
		field(out, subjectType);
		field(out, subjectId);
		field(out, details);
		return out.toByteArray();
	}

	private static void field(java.io.ByteArrayOutputStream out, String value) {
		if (value == null) {
			out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
		out.writeBytes(bytes);
	}

	private static void field(MessageDigest digest, String value) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(80);
		field(out, value);
		digest.update(out.toByteArray());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", e);
		}
	}

}
