package io.trunkguard.change;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigRedactionTest {

	static final String EXCERPT = """
			; pjsip.conf of edge-sbc-1
			[carrier-auth]
			type=auth
			password=Tr0ub4dor&3
			secret = "s3cr3t-value"
			auth_password: hunter2
			<param name="password" value="fs-pass-1"/>
			modparam("auth_db", "password_column", "password")
			a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:32
			Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYmMifQ.c2lnbmF0dXJl
			-----BEGIN RSA PRIVATE KEY-----
			MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
			-----END RSA PRIVATE KEY-----
			transport=tls
			method=TLSv1.2
			""";

	@Test
	void removesPasswordsKeysSrtpKeysAndTokensAndListsThem() {
		ConfigRedaction.Redacted redacted = ConfigRedaction.redact(EXCERPT);

		assertThat(redacted.text()).doesNotContain("Tr0ub4dor", "s3cr3t-value", "hunter2", "fs-pass-1",
				"WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz", "eyJhbGciOiJSUzI1NiJ9",
				"MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun");
		assertThat(redacted.text()).contains("password=[REDACTED]", "inline:[REDACTED]|2^20|1:32",
				"-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----", "transport=tls",
				"method=TLSv1.2", "modparam(\"auth_db\", \"password_column\", \"password\")");
		assertThat(redacted.redactions()).extracting(ConfigRedaction.Redaction::line)
			.containsExactly(4, 5, 6, 7, 9, 10, 11);
		assertThat(redacted.summary()).isEqualTo("Removed before storing: 4 passwords or secrets (lines 4, 5, 6, 7), "
				+ "1 SRTP key (line 9), 1 bearer or basic credential (line 10), 1 private key (line 11).");
	}

	@Test
	void leavesAnExcerptWithoutSecretsAsItIs() {
		String clean = "[transport-tls]\ntype=transport\nprotocol=tls\nmethod=tlsv1_2\n";

		ConfigRedaction.Redacted redacted = ConfigRedaction.redact(clean);

		assertThat(redacted.text()).isEqualTo(clean);
		assertThat(redacted.summary()).isEqualTo("No secret was found.");
	}

}
