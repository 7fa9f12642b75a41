package io.trunkguard.analyzer.tls;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * IANA names of TLS cipher suites and their classification against the TLS_WEAK_CIPHER rule:
 * NULL, anonymous, export, RC4, (3)DES, or CBC without forward secrecy are weak; everything else
 * (AEAD suites, and CBC suites with an ephemeral key exchange) is STRONG.
 */
public final class CipherSuites {

    /** Classification of a suite. The order of checks is the order of this enum (NULL wins over anonymous, ...). */
    public enum Strength {
        STRONG,
        /** No encryption (NULL cipher, or integrity-only TLS 1.3 suites of RFC 9150). */
        WEAK_NULL,
        /** Anonymous key exchange (DH_anon, ECDH_anon): no authentication of the server. */
        WEAK_ANONYMOUS,
        /** Export-grade (40/56-bit) suites. */
        WEAK_EXPORT,
        WEAK_RC4,
        /** Triple DES, and single DES which is weaker still. */
        WEAK_3DES,
        /** CBC mode with a key exchange that has no forward secrecy (RSA, static DH/ECDH, plain PSK). */
        WEAK_CBC_NO_FS,
        /** Not a known suite, or a signalling value (SCSV, GREASE). */
        UNKNOWN
    }

    private static final Map<Integer, String> NAMES = new HashMap<>(512);

    private CipherSuites() {
    }

    /** The IANA name, e.g. 0xC02F -> "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"; "GREASE" or "0xABCD" for unknown codes. */
    public static String name(int code) {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        if (isGrease(code)) {
            return "GREASE";
        }
        return String.format(Locale.ROOT, "0x%04X", code & 0xffff);
    }

    /** True if the code is in the table of known suites. */
    public static boolean isKnown(int code) {
        return NAMES.containsKey(code);
    }

    /** RFC 8701 GREASE value (0x?A?A). */
    public static boolean isGrease(int code) {
        return (code & 0x0f0f) == 0x0a0a && ((code >> 8) & 0xff) == (code & 0xff);
    }

    /** Classification of a known suite; UNKNOWN for unknown codes and signalling values. */
    public static Strength classify(int code) {
        String name = NAMES.get(code);
        if (name == null) {
            return Strength.UNKNOWN;
        }
        return classifyName(name);
    }

    /** Classification by IANA name (also useful for names read elsewhere). */
    public static Strength classifyName(String name) {
        if (name == null) {
            return Strength.UNKNOWN;
        }
        String n = name.toUpperCase(Locale.ROOT);
        if (n.endsWith("_SCSV") || !n.startsWith("TLS_")) {
            return Strength.UNKNOWN;
        }
        if (n.contains("_NULL") || n.equals("TLS_SHA256_SHA256") || n.equals("TLS_SHA384_SHA384")) {
            return Strength.WEAK_NULL;
        }
        if (n.contains("_ANON_")) {
            return Strength.WEAK_ANONYMOUS;
        }
        if (n.contains("EXPORT")) {
            return Strength.WEAK_EXPORT;
        }
        if (n.contains("_RC4_")) {
            return Strength.WEAK_RC4;
        }
        if (n.contains("_3DES_") || n.contains("_DES_") || n.contains("_DES40_")) {
            return Strength.WEAK_3DES;
        }
        if (n.contains("_CBC") && !hasForwardSecrecy(n)) {
            return Strength.WEAK_CBC_NO_FS;
        }
        return Strength.STRONG;
    }

    /** Whether the suite's key exchange is ephemeral (ECDHE, DHE, SRP, or any TLS 1.3 suite). */
    public static boolean hasForwardSecrecy(int code) {
        String name = NAMES.get(code);
        return name != null && hasForwardSecrecy(name.toUpperCase(Locale.ROOT));
    }

    private static boolean hasForwardSecrecy(String upperName) {
        if (!upperName.contains("_WITH_")) {
            return true; // TLS 1.3 suites name no key exchange: it is always ephemeral (or PSK with (EC)DHE)
        }
        return upperName.startsWith("TLS_ECDHE_") || upperName.startsWith("TLS_DHE_")
                || upperName.startsWith("TLS_PSK_DHE_") || upperName.startsWith("TLS_SRP_");
    }

    private static void s(int code, String name) {
        NAMES.put(code, name);
    }

    static {
        s(0x0000, "TLS_NULL_WITH_NULL_NULL");
        s(0x0001, "TLS_RSA_WITH_NULL_MD5");
        s(0x0002, "TLS_RSA_WITH_NULL_SHA");
        s(0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5");
        s(0x0004, "TLS_RSA_WITH_RC4_128_MD5");
        s(0x0005, "TLS_RSA_WITH_RC4_128_SHA");
        s(0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5");
        s(0x0007, "TLS_RSA_WITH_IDEA_CBC_SHA");
        s(0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA");
        s(0x0009, "TLS_RSA_WITH_DES_CBC_SHA");
        s(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        s(0x000B, "TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA");
        s(0x000C, "TLS_DH_DSS_WITH_DES_CBC_SHA");
        s(0x000D, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA");
        s(0x000E, "TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA");
        s(0x000F, "TLS_DH_RSA_WITH_DES_CBC_SHA");
        s(0x0010, "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA");
        s(0x0011, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA");
        s(0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA");
        s(0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA");
        s(0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA");
        s(0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA");
        s(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA");
        s(0x0017, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5");
        s(0x0018, "TLS_DH_anon_WITH_RC4_128_MD5");
        s(0x0019, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA");
        s(0x001A, "TLS_DH_anon_WITH_DES_CBC_SHA");
        s(0x001B, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA");
        s(0x002C, "TLS_PSK_WITH_NULL_SHA");
        s(0x002D, "TLS_DHE_PSK_WITH_NULL_SHA");
        s(0x002E, "TLS_RSA_PSK_WITH_NULL_SHA");
        s(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA");
        s(0x0030, "TLS_DH_DSS_WITH_AES_128_CBC_SHA");
        s(0x0031, "TLS_DH_RSA_WITH_AES_128_CBC_SHA");
        s(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA");
        s(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
        s(0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA");
        s(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
        s(0x0036, "TLS_DH_DSS_WITH_AES_256_CBC_SHA");
        s(0x0037, "TLS_DH_RSA_WITH_AES_256_CBC_SHA");
        s(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA");
        s(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA");
        s(0x003A, "TLS_DH_anon_WITH_AES_256_CBC_SHA");
        s(0x003B, "TLS_RSA_WITH_NULL_SHA256");
        s(0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256");
        s(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256");
        s(0x003E, "TLS_DH_DSS_WITH_AES_128_CBC_SHA256");
        s(0x003F, "TLS_DH_RSA_WITH_AES_128_CBC_SHA256");
        s(0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256");
        s(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA");
        s(0x0044, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA");
        s(0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA");
        s(0x0046, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA");
        s(0x0062, "TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA");
        s(0x0063, "TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA");
        s(0x0064, "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA");
        s(0x0065, "TLS_DHE_DSS_EXPORT1024_WITH_RC4_56_SHA");
        s(0x0066, "TLS_DHE_DSS_WITH_RC4_128_SHA");
        s(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256");
        s(0x0068, "TLS_DH_DSS_WITH_AES_256_CBC_SHA256");
        s(0x0069, "TLS_DH_RSA_WITH_AES_256_CBC_SHA256");
        s(0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256");
        s(0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256");
        s(0x006C, "TLS_DH_anon_WITH_AES_128_CBC_SHA256");
        s(0x006D, "TLS_DH_anon_WITH_AES_256_CBC_SHA256");
        s(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA");
        s(0x0087, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA");
        s(0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA");
        s(0x0089, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA");
        s(0x008A, "TLS_PSK_WITH_RC4_128_SHA");
        s(0x008B, "TLS_PSK_WITH_3DES_EDE_CBC_SHA");
        s(0x008C, "TLS_PSK_WITH_AES_128_CBC_SHA");
        s(0x008D, "TLS_PSK_WITH_AES_256_CBC_SHA");
        s(0x008E, "TLS_DHE_PSK_WITH_RC4_128_SHA");
        s(0x008F, "TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA");
        s(0x0090, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA");
        s(0x0091, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA");
        s(0x0092, "TLS_RSA_PSK_WITH_RC4_128_SHA");
        s(0x0093, "TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA");
        s(0x0094, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA");
        s(0x0095, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA");
        s(0x0096, "TLS_RSA_WITH_SEED_CBC_SHA");
        s(0x009A, "TLS_DHE_RSA_WITH_SEED_CBC_SHA");
        s(0x009B, "TLS_DH_anon_WITH_SEED_CBC_SHA");
        s(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256");
        s(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384");
        s(0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        s(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
        s(0x00A0, "TLS_DH_RSA_WITH_AES_128_GCM_SHA256");
        s(0x00A1, "TLS_DH_RSA_WITH_AES_256_GCM_SHA384");
        s(0x00A2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256");
        s(0x00A3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384");
        s(0x00A4, "TLS_DH_DSS_WITH_AES_128_GCM_SHA256");
        s(0x00A5, "TLS_DH_DSS_WITH_AES_256_GCM_SHA384");
        s(0x00A6, "TLS_DH_anon_WITH_AES_128_GCM_SHA256");
        s(0x00A7, "TLS_DH_anon_WITH_AES_256_GCM_SHA384");
        s(0x00A8, "TLS_PSK_WITH_AES_128_GCM_SHA256");
        s(0x00A9, "TLS_PSK_WITH_AES_256_GCM_SHA384");
        s(0x00AA, "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256");
        s(0x00AB, "TLS_DHE_PSK_WITH_AES_256_GCM_SHA384");
        s(0x00AC, "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256");
        s(0x00AD, "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384");
        s(0x00AE, "TLS_PSK_WITH_AES_128_CBC_SHA256");
        s(0x00AF, "TLS_PSK_WITH_AES_256_CBC_SHA384");
        s(0x00B0, "TLS_PSK_WITH_NULL_SHA256");
        s(0x00B1, "TLS_PSK_WITH_NULL_SHA384");
        s(0x00B2, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256");
        s(0x00B3, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA384");
        s(0x00B4, "TLS_DHE_PSK_WITH_NULL_SHA256");
        s(0x00B5, "TLS_DHE_PSK_WITH_NULL_SHA384");
        s(0x00B6, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256");
        s(0x00B7, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA384");
        s(0x00B8, "TLS_RSA_PSK_WITH_NULL_SHA256");
        s(0x00B9, "TLS_RSA_PSK_WITH_NULL_SHA384");
        s(0x00BA, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256");
        s(0x00BD, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256");
        s(0x00BE, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256");
        s(0x00BF, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256");
        s(0x00C0, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256");
        s(0x00C3, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256");
        s(0x00C4, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256");
        s(0x00C5, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256");
        s(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
        s(0x1301, "TLS_AES_128_GCM_SHA256");
        s(0x1302, "TLS_AES_256_GCM_SHA384");
        s(0x1303, "TLS_CHACHA20_POLY1305_SHA256");
        s(0x1304, "TLS_AES_128_CCM_SHA256");
        s(0x1305, "TLS_AES_128_CCM_8_SHA256");
        s(0x5600, "TLS_FALLBACK_SCSV");
        s(0xC001, "TLS_ECDH_ECDSA_WITH_NULL_SHA");
        s(0xC002, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA");
        s(0xC003, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA");
        s(0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA");
        s(0xC005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA");
        s(0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA");
        s(0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA");
        s(0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");
        s(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
        s(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        s(0xC00B, "TLS_ECDH_RSA_WITH_NULL_SHA");
        s(0xC00C, "TLS_ECDH_RSA_WITH_RC4_128_SHA");
        s(0xC00D, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA");
        s(0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA");
        s(0xC00F, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA");
        s(0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA");
        s(0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA");
        s(0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA");
        s(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        s(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        s(0xC015, "TLS_ECDH_anon_WITH_NULL_SHA");
        s(0xC016, "TLS_ECDH_anon_WITH_RC4_128_SHA");
        s(0xC017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA");
        s(0xC018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA");
        s(0xC019, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA");
        s(0xC01A, "TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA");
        s(0xC01B, "TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA");
        s(0xC01C, "TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA");
        s(0xC01D, "TLS_SRP_SHA_WITH_AES_128_CBC_SHA");
        s(0xC01E, "TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA");
        s(0xC01F, "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA");
        s(0xC020, "TLS_SRP_SHA_WITH_AES_256_CBC_SHA");
        s(0xC021, "TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA");
        s(0xC022, "TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA");
        s(0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
        s(0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
        s(0xC025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256");
        s(0xC026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384");
        s(0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        s(0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
        s(0xC029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256");
        s(0xC02A, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384");
        s(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        s(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        s(0xC02D, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256");
        s(0xC02E, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384");
        s(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        s(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        s(0xC031, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256");
        s(0xC032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384");
        s(0xC033, "TLS_ECDHE_PSK_WITH_RC4_128_SHA");
        s(0xC034, "TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA");
        s(0xC035, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA");
        s(0xC036, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA");
        s(0xC037, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256");
        s(0xC038, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384");
        s(0xC039, "TLS_ECDHE_PSK_WITH_NULL_SHA");
        s(0xC03A, "TLS_ECDHE_PSK_WITH_NULL_SHA256");
        s(0xC03B, "TLS_ECDHE_PSK_WITH_NULL_SHA384");
        s(0xC050, "TLS_RSA_WITH_ARIA_128_GCM_SHA256");
        s(0xC051, "TLS_RSA_WITH_ARIA_256_GCM_SHA384");
        s(0xC052, "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256");
        s(0xC053, "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384");
        s(0xC056, "TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256");
        s(0xC057, "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384");
        s(0xC05C, "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256");
        s(0xC05D, "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384");
        s(0xC060, "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256");
        s(0xC061, "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384");
        s(0xC06A, "TLS_PSK_WITH_ARIA_128_GCM_SHA256");
        s(0xC06B, "TLS_PSK_WITH_ARIA_256_GCM_SHA384");
        s(0xC06C, "TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256");
        s(0xC06D, "TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384");
        s(0xC06E, "TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256");
        s(0xC06F, "TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384");
        s(0xC072, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256");
        s(0xC073, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384");
        s(0xC076, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256");
        s(0xC077, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384");
        s(0xC094, "TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256");
        s(0xC095, "TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384");
        s(0xC096, "TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256");
        s(0xC097, "TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384");
        s(0xC098, "TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256");
        s(0xC099, "TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384");
        s(0xC09A, "TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256");
        s(0xC09B, "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384");
        s(0xC09C, "TLS_RSA_WITH_AES_128_CCM");
        s(0xC09D, "TLS_RSA_WITH_AES_256_CCM");
        s(0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM");
        s(0xC09F, "TLS_DHE_RSA_WITH_AES_256_CCM");
        s(0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8");
        s(0xC0A1, "TLS_RSA_WITH_AES_256_CCM_8");
        s(0xC0A2, "TLS_DHE_RSA_WITH_AES_128_CCM_8");
        s(0xC0A3, "TLS_DHE_RSA_WITH_AES_256_CCM_8");
        s(0xC0A4, "TLS_PSK_WITH_AES_128_CCM");
        s(0xC0A5, "TLS_PSK_WITH_AES_256_CCM");
        s(0xC0A6, "TLS_DHE_PSK_WITH_AES_128_CCM");
        s(0xC0A7, "TLS_DHE_PSK_WITH_AES_256_CCM");
        s(0xC0A8, "TLS_PSK_WITH_AES_128_CCM_8");
        s(0xC0A9, "TLS_PSK_WITH_AES_256_CCM_8");
        s(0xC0AA, "TLS_PSK_DHE_WITH_AES_128_CCM_8");
        s(0xC0AB, "TLS_PSK_DHE_WITH_AES_256_CCM_8");
        s(0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM");
        s(0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM");
        s(0xC0AE, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8");
        s(0xC0AF, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8");
        s(0xC0B4, "TLS_SHA256_SHA256");
        s(0xC0B5, "TLS_SHA384_SHA384");
        s(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        s(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        s(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        s(0xCCAB, "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256");
        s(0xCCAC, "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256");
        s(0xCCAD, "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256");
        s(0xCCAE, "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256");
        s(0xD001, "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256");
        s(0xD002, "TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384");
        s(0xD003, "TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256");
        s(0xD005, "TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256");
    }
}
