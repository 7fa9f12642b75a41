package io.trunkguard.questionnaire;

import io.trunkguard.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Link tokens: 256 bits from a secure random source, written in base64url (43
 * characters); only their SHA-256 is stored. A fast hash is enough: the token has 256
 * bits of entropy, so nothing can be guessed from its hash.
 */
final class LinkTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

	private LinkTokens() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether {@code token} has the form of a token (say nothing else about it). */
	static boolean wellFormed(String token) {
		return token != null && FORM.matcher(token).matches();
	}

	static String hash(String token) {
		return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
	}

}
