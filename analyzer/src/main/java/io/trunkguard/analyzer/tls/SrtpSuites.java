package io.trunkguard.analyzer.tls;

import io.trunkguard.analyzer.text.Format;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names and strength of SRTP crypto suites (RFC 4568 a=crypto, RFC 5764 use_srtp
 * profiles).
 */
public final class SrtpSuites {

	private static final Map<Integer, String> PROFILES = Map.ofEntries(Map.entry(0x0001, "SRTP_AES128_CM_HMAC_SHA1_80"),
			Map.entry(0x0002, "SRTP_AES128_CM_HMAC_SHA1_32"), Map.entry(0x0005, "SRTP_NULL_HMAC_SHA1_80"),
			Map.entry(0x0006, "SRTP_NULL_HMAC_SHA1_32"), Map.entry(0x0007, "SRTP_AEAD_AES_128_GCM"),
			Map.entry(0x0008, "SRTP_AEAD_AES_256_GCM"), Map.entry(0x0009, "DOUBLE_AEAD_AES_128_GCM_AEAD_AES_128_GCM"),
			Map.entry(0x000A, "DOUBLE_AEAD_AES_256_GCM_AEAD_AES_256_GCM"),
			Map.entry(0x000B, "SRTP_ARIA_128_CTR_HMAC_SHA1_80"), Map.entry(0x000C, "SRTP_ARIA_128_CTR_HMAC_SHA1_32"),
			Map.entry(0x000D, "SRTP_ARIA_256_CTR_HMAC_SHA1_80"), Map.entry(0x000E, "SRTP_ARIA_256_CTR_HMAC_SHA1_32"),
			Map.entry(0x000F, "SRTP_AEAD_ARIA_128_GCM"), Map.entry(0x0010, "SRTP_AEAD_ARIA_256_GCM"));

	/**
	 * SDES (a=crypto) suite names registered by RFC 4568, 6188, 7714 and 8269, plus the
	 * de-facto NULL ones.
	 */
	private static final Set<String> SDES_SUITES = Set.of("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32",
			"F8_128_HMAC_SHA1_80", "AES_192_CM_HMAC_SHA1_80", "AES_192_CM_HMAC_SHA1_32", "AES_256_CM_HMAC_SHA1_80",
			"AES_256_CM_HMAC_SHA1_32", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM", "ARIA_128_CTR_HMAC_SHA1_80",
			"ARIA_128_CTR_HMAC_SHA1_32", "ARIA_192_CTR_HMAC_SHA1_80", "ARIA_192_CTR_HMAC_SHA1_32",
			"ARIA_256_CTR_HMAC_SHA1_80", "ARIA_256_CTR_HMAC_SHA1_32", "AEAD_ARIA_128_GCM", "AEAD_ARIA_256_GCM",
			"NULL_HMAC_SHA1_80", "NULL_HMAC_SHA1_32");

	private SrtpSuites() {
	}

	/**
	 * use_srtp profile name, e.g. 0x0001 -> "SRTP_AES128_CM_HMAC_SHA1_80"; "0xABCD" if
	 * unassigned.
	 */
	public static String profileName(int useSrtpProfile) {
		String name = PROFILES.get(useSrtpProfile);
		return name != null ? name : Format.of("0x%04X", useSrtpProfile & 0xffff);
	}

	/** True for a registered use_srtp profile code. */
	public static boolean isKnownProfile(int useSrtpProfile) {
		return PROFILES.containsKey(useSrtpProfile);
	}

	/**
	 * True for a known SDES suite name (case-insensitive), e.g.
	 * "AES_CM_128_HMAC_SHA1_80".
	 */
	public static boolean isKnownSdesSuite(String name) {
		return name != null && SDES_SUITES.contains(name.trim().toUpperCase(Locale.ROOT));
	}

	/**
	 * True if the suite or profile encrypts nothing: "NULL_HMAC_SHA1_80",
	 * "SRTP_NULL_HMAC_SHA1_32", a bare "NULL", any name whose cipher part is NULL.
	 * Null-authentication suites (e.g. "AES_CM_128_NULL_AUTH") are not null ciphers.
	 * False for null or blank input.
	 */
	public static boolean isNullCipher(String sdesSuiteOrProfileName) {
		if (sdesSuiteOrProfileName == null) {
			return false;
		}
		String n = sdesSuiteOrProfileName.trim().toUpperCase(Locale.ROOT);
		if (n.startsWith("SRTP_")) {
			n = n.substring(5);
		}
		return n.equals("NULL") || n.startsWith("NULL_") || n.startsWith("NULL-");
	}

	/** True if the profile code is a null-cipher use_srtp profile (0x0005, 0x0006). */
	public static boolean isNullCipher(int useSrtpProfile) {
		return isNullCipher(PROFILES.get(useSrtpProfile));
	}

}
