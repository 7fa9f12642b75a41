package io.trunkguard.analyzer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SrtpSuitesTest {

	@ParameterizedTest
	@CsvSource({ "1, SRTP_AES128_CM_HMAC_SHA1_80", "2, SRTP_AES128_CM_HMAC_SHA1_32", "5, SRTP_NULL_HMAC_SHA1_80",
			"6, SRTP_NULL_HMAC_SHA1_32", "7, SRTP_AEAD_AES_128_GCM", "8, SRTP_AEAD_AES_256_GCM", })
	void namesUseSrtpProfiles(int code, String name) {
		assertThat(SrtpSuites.profileName(code)).isEqualTo(name);
		assertThat(SrtpSuites.isKnownProfile(code)).isTrue();
	}

	@Test
	void namesUnassignedProfilesByCode() {
		assertThat(SrtpSuites.profileName(0x0003)).isEqualTo("0x0003");
		assertThat(SrtpSuites.isKnownProfile(0x0003)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "NULL_HMAC_SHA1_80", "NULL_HMAC_SHA1_32", "SRTP_NULL_HMAC_SHA1_80",
			"srtp_null_hmac_sha1_32", " NULL_HMAC_SHA1_80 ", "NULL" })
	void recognisesNullCiphers(String name) {
		assertThat(SrtpSuites.isNullCipher(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32", "AES_256_CM_HMAC_SHA1_80",
			"AEAD_AES_128_GCM", "SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_256_GCM", "AES_CM_128_NULL_AUTH", "",
			"NULLIFY" })
	void doesNotCallRealCiphersNull(String name) {
		assertThat(SrtpSuites.isNullCipher(name)).isFalse();
	}

	@Test
	void nullInputIsNotANullCipher() {
		assertThat(SrtpSuites.isNullCipher((String) null)).isFalse();
	}

	@Test
	void nullCipherProfilesByCode() {
		assertThat(SrtpSuites.isNullCipher(5)).isTrue();
		assertThat(SrtpSuites.isNullCipher(6)).isTrue();
		assertThat(SrtpSuites.isNullCipher(1)).isFalse();
		assertThat(SrtpSuites.isNullCipher(0x7777)).isFalse();
	}

	@Test
	void knowsTheRegisteredSdesSuites() {
		assertThat(SrtpSuites.isKnownSdesSuite("AES_CM_128_HMAC_SHA1_80")).isTrue();
		assertThat(SrtpSuites.isKnownSdesSuite("aes_256_cm_hmac_sha1_32")).isTrue();
		assertThat(SrtpSuites.isKnownSdesSuite("AEAD_AES_256_GCM")).isTrue();
		assertThat(SrtpSuites.isKnownSdesSuite("F8_128_HMAC_SHA1_80")).isTrue();
		assertThat(SrtpSuites.isKnownSdesSuite("AES_CM_999")).isFalse();
		assertThat(SrtpSuites.isKnownSdesSuite(null)).isFalse();
	}

}
