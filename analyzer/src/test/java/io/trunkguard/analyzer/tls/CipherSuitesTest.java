package io.trunkguard.analyzer.tls;

import static io.trunkguard.analyzer.tls.CipherSuites.Strength.STRONG;
import static io.trunkguard.analyzer.tls.CipherSuites.Strength.UNKNOWN;
import static io.trunkguard.analyzer.tls.CipherSuites.Strength.WEAK_3DES;
import static io.trunkguard.analyzer.tls.CipherSuites.Strength.WEAK_ANONYMOUS;
import static io.trunkguard.analyzer.tls.CipherSuites.Strength.WEAK_CBC_NO_FS;
import static io.trunkguard.analyzer.tls.CipherSuites.Strength.WEAK_EXPORT;
import static io.trunkguard.analyzer.tls.CipherSuites.Strength.WEAK_NULL;
import static io.trunkguard.analyzer.tls.CipherSuites.Strength.WEAK_RC4;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CipherSuitesTest {

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource({ "0x1301, TLS_AES_128_GCM_SHA256, STRONG", "0x1302, TLS_AES_256_GCM_SHA384, STRONG",
			"0x1303, TLS_CHACHA20_POLY1305_SHA256, STRONG", "0x1304, TLS_AES_128_CCM_SHA256, STRONG",
			"0x1305, TLS_AES_128_CCM_8_SHA256, STRONG", "0xC02F, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, STRONG",
			"0xC030, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, STRONG",
			"0xC02B, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, STRONG",
			"0xCCA8, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, STRONG",
			"0xCCA9, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, STRONG",
			"0x009E, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, STRONG",
			"0xC027, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, STRONG",
			"0xC013, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, STRONG", "0x0033, TLS_DHE_RSA_WITH_AES_128_CBC_SHA, STRONG",
			"0x009C, TLS_RSA_WITH_AES_128_GCM_SHA256, STRONG", "0x002F, TLS_RSA_WITH_AES_128_CBC_SHA, WEAK_CBC_NO_FS",
			"0x0035, TLS_RSA_WITH_AES_256_CBC_SHA, WEAK_CBC_NO_FS",
			"0x003C, TLS_RSA_WITH_AES_128_CBC_SHA256, WEAK_CBC_NO_FS",
			"0x0041, TLS_RSA_WITH_CAMELLIA_128_CBC_SHA, WEAK_CBC_NO_FS",
			"0xC004, TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA, WEAK_CBC_NO_FS",
			"0x008C, TLS_PSK_WITH_AES_128_CBC_SHA, WEAK_CBC_NO_FS", "0x000A, TLS_RSA_WITH_3DES_EDE_CBC_SHA, WEAK_3DES",
			"0xC012, TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, WEAK_3DES", "0x0009, TLS_RSA_WITH_DES_CBC_SHA, WEAK_3DES",
			"0x0004, TLS_RSA_WITH_RC4_128_MD5, WEAK_RC4", "0x0005, TLS_RSA_WITH_RC4_128_SHA, WEAK_RC4",
			"0xC011, TLS_ECDHE_RSA_WITH_RC4_128_SHA, WEAK_RC4", "0x0003, TLS_RSA_EXPORT_WITH_RC4_40_MD5, WEAK_EXPORT",
			"0x0008, TLS_RSA_EXPORT_WITH_DES40_CBC_SHA, WEAK_EXPORT",
			"0x0014, TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA, WEAK_EXPORT",
			"0x0018, TLS_DH_anon_WITH_RC4_128_MD5, WEAK_ANONYMOUS",
			"0x0034, TLS_DH_anon_WITH_AES_128_CBC_SHA, WEAK_ANONYMOUS",
			"0x00A6, TLS_DH_anon_WITH_AES_128_GCM_SHA256, WEAK_ANONYMOUS",
			"0xC018, TLS_ECDH_anon_WITH_AES_128_CBC_SHA, WEAK_ANONYMOUS", "0x0000, TLS_NULL_WITH_NULL_NULL, WEAK_NULL",
			"0x0001, TLS_RSA_WITH_NULL_MD5, WEAK_NULL", "0x0002, TLS_RSA_WITH_NULL_SHA, WEAK_NULL",
			"0x003B, TLS_RSA_WITH_NULL_SHA256, WEAK_NULL", "0xC010, TLS_ECDHE_RSA_WITH_NULL_SHA, WEAK_NULL",
			"0xC015, TLS_ECDH_anon_WITH_NULL_SHA, WEAK_NULL", "0xC0B4, TLS_SHA256_SHA256, WEAK_NULL",
			"0x00FF, TLS_EMPTY_RENEGOTIATION_INFO_SCSV, UNKNOWN", "0x5600, TLS_FALLBACK_SCSV, UNKNOWN", })
	void namesAndClassifiesSuites(String code, String name, CipherSuites.Strength strength) {
		int c = Integer.decode(code);
		assertThat(CipherSuites.name(c)).isEqualTo(name);
		assertThat(CipherSuites.classify(c)).isEqualTo(strength);
		assertThat(CipherSuites.classifyName(name)).isEqualTo(strength);
	}

	@Test
	void namesGreaseAndUnknownCodesWithoutClassifyingThem() {
		assertThat(CipherSuites.name(0x0A0A)).isEqualTo("GREASE");
		assertThat(CipherSuites.name(0xFAFA)).isEqualTo("GREASE");
		assertThat(CipherSuites.classify(0x0A0A)).isEqualTo(UNKNOWN);
		assertThat(CipherSuites.name(0x7777)).isEqualTo("0x7777");
		assertThat(CipherSuites.classify(0x7777)).isEqualTo(UNKNOWN);
		assertThat(CipherSuites.classifyName(null)).isEqualTo(UNKNOWN);
		assertThat(CipherSuites.isKnown(0x7777)).isFalse();
	}

	@Test
	void agreesWithTheJdkOnTheNameOfEverySuiteItSupports() throws Exception {
		// the JDK uses IANA names; its suites with a known code must carry the same name
		// here
		String[] jdk = SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites();
		java.util.Set<String> ours = new java.util.HashSet<>();
		for (int code = 0; code <= 0xFFFF; code++) {
			if (CipherSuites.isKnown(code)) {
				ours.add(CipherSuites.name(code));
			}
		}
		long matched = Arrays.stream(jdk).filter(ours::contains).count();
		long jdkTls = Arrays.stream(jdk).filter(n -> n.startsWith("TLS_")).count();
		assertThat(matched).isEqualTo(jdkTls);
	}

	@Test
	void forwardSecrecyFollowsTheKeyExchange() {
		assertThat(CipherSuites.hasForwardSecrecy(0xC027)).isTrue();
		assertThat(CipherSuites.hasForwardSecrecy(0x1301)).isTrue();
		assertThat(CipherSuites.hasForwardSecrecy(0x002F)).isFalse();
		assertThat(CipherSuites.hasForwardSecrecy(0xC00E)).isFalse(); // static ECDH
	}

	@Test
	void everyTableEntryHasAClassification() {
		for (int code = 0; code <= 0xFFFF; code++) {
			if (CipherSuites.isKnown(code)) {
				String name = CipherSuites.name(code);
				assertThat(name).startsWith("TLS_");
				boolean signalling = name.endsWith("_SCSV");
				assertThat(CipherSuites.classify(code) == UNKNOWN).as(name).isEqualTo(signalling);
			}
		}
		assertThat(STRONG).isNotEqualTo(WEAK_NULL); // keep the static imports honest
		assertThat(WEAK_3DES).isNotNull();
		assertThat(WEAK_RC4).isNotNull();
		assertThat(WEAK_EXPORT).isNotNull();
		assertThat(WEAK_ANONYMOUS).isNotNull();
		assertThat(WEAK_CBC_NO_FS).isNotNull();
	}

}
