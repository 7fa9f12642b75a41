package io.trunkguard.deprovisioning.hr;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The webhook's signature scheme: {@code X-Trunkguard-Signature: sha256=<hex>}, the
 * HMAC-SHA256 with the shared secret of
 * {@code <X-Trunkguard-Timestamp> + "." + <raw body>}, the timestamp in Unix seconds.
 * Requests outside a window around now are replays. Signatures are compared in constant
 * time.
 */
final class WebhookSignature {

	static final String TIMESTAMP_HEADER = "X-Trunkguard-Timestamp";
	static final String SIGNATURE_HEADER = "X-Trunkguard-Signature";
	static final String PREFIX = "sha256=";

	private final byte[] secret;

	WebhookSignature(String secret) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * {@code sha256=<hex>} for a timestamp and a body: what a sender puts in the
	 * signature header.
	 */
	String sign(String timestamp, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(mac(timestamp, body));
	}

	/** Why the request is refused, or empty if it is authentic and fresh. */
	Optional<String> refusal(String timestamp, String signature, byte[] body, Instant now, Duration maxAge) {
		if (timestamp == null || timestamp.isBlank()) {
			return Optional.of("missing timestamp");
		}
		if (signature == null || signature.isBlank()) {
			return Optional.of("missing signature");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			return Optional.of("malformed timestamp");
		}
		if (Math.abs(now.getEpochSecond() - seconds) > maxAge.toSeconds()) {
			return Optional.of("timestamp outside the " + maxAge.toMinutes() + "-minute window (replay)");
		}
		String given = signature.strip();
		if (!given.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return Optional.of("malformed signature");
		}
		byte[] presented;
		try {
			presented = HexFormat.of().parseHex(given.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException e) {
			return Optional.of("malformed signature");
		}
		if (!MessageDigest.isEqual(presented, mac(timestamp.strip(), body))) {
			return Optional.of("signature mismatch");
		}
		return Optional.empty();
	}

	private byte[] mac(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) '.');
			mac.update(body);
			return mac.doFinal();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

}
