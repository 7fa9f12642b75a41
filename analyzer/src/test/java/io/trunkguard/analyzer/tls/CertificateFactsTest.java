package io.trunkguard.analyzer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * X.509 facts from the committed test certificates (made by make-tls-captures.sh),
 * checked against openssl's view.
 */
class CertificateFactsTest {

	/** The first certificate of a PEM file, as DER. */
	static byte[] der(String pemName) {
		String pem = new String(TestPcap.resource("certs/" + pemName), StandardCharsets.US_ASCII);
		int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
		int end = pem.indexOf("-----END CERTIFICATE-----", begin);
		String body = pem.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end);
		return Base64.getMimeDecoder().decode(body);
	}

	/** openssl x509 -fingerprint -sha256, recorded by the fixture script. */
	static String opensslFingerprint(String pemName) {
		String all = new String(TestPcap.resource("certs/fingerprints.txt"), StandardCharsets.US_ASCII);
		return all.lines()
			.filter(l -> l.startsWith(pemName + " "))
			.map(l -> l.substring(pemName.length() + 1))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void readsAStrongSelfSignedRsaCertificate() {
		CertificateFacts c = CertificateFacts.parse(der("rsa2048.pem"));

		assertThat(c.subject()).isEqualTo("CN=sip.example.test,O=Trunkguard Test");
		assertThat(c.issuer()).isEqualTo(c.subject());
		assertThat(c.selfSigned()).isTrue();
		assertThat(c.keyAlgorithm()).isEqualTo("RSA");
		assertThat(c.keyBits()).isEqualTo(2048);
		assertThat(c.weakKey()).isFalse();
		assertThat(c.signatureAlgorithm()).isEqualTo("SHA256withRSA");
		assertThat(c.weakSignature()).isFalse();
		assertThat(c.sha256Fingerprint()).isEqualTo(opensslFingerprint("rsa2048.pem"));
		assertThat(c.subjectAltNames()).containsExactly("DNS:sip.example.test", "IP:127.0.0.1");
		assertThat(c.serialHex()).matches("[0-9A-F]+");
		assertThat(c.notAfter()).isAfter(c.notBefore());
	}

	@Test
	void flagsA1024BitRsaKeyAsWeak() {
		CertificateFacts c = CertificateFacts.parse(der("rsa1024.pem"));
		assertThat(c.keyBits()).isEqualTo(1024);
		assertThat(c.weakKey()).isTrue();
		assertThat(c.weakSignature()).isFalse();
	}

	@Test
	void flagsASha1SignatureAsWeak() {
		CertificateFacts c = CertificateFacts.parse(der("sha1.pem"));
		assertThat(c.signatureAlgorithm()).isEqualTo("SHA1withRSA");
		assertThat(c.weakSignature()).isTrue();
		assertThat(c.weakKey()).isFalse();
		assertThat(c.selfSigned()).isTrue();
		assertThat(c.sha256Fingerprint()).isEqualTo(opensslFingerprint("sha1.pem"));
	}

	@Test
	void readsTheValidityOfAnExpiredCertificate() {
		CertificateFacts c = CertificateFacts.parse(der("expired.pem"));
		assertThat(c.notBefore()).isBetween(Instant.parse("2020-01-01T00:00:00Z"),
				Instant.parse("2020-01-02T00:00:00Z"));
		assertThat(c.notAfter()).isBetween(Instant.parse("2020-01-31T00:00:00Z"),
				Instant.parse("2020-02-01T00:00:00Z"));
		assertThat(c.notAfter()).isBefore(Instant.now());
	}

	@Test
	void readsAnEcLeafSignedByACa() {
		CertificateFacts c = CertificateFacts.parse(der("ec-leaf.pem"));
		assertThat(c.keyAlgorithm()).isEqualTo("EC");
		assertThat(c.keyBits()).isEqualTo(256);
		assertThat(c.weakKey()).isFalse();
		assertThat(c.selfSigned()).isFalse();
		assertThat(c.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
		assertThat(c.subjectAltNames()).contains("DNS:*.proxy.example.test");
	}

	@Test
	void doesNotCallACertificateSelfSignedJustBecauseIssuerEqualsSubject() {
		CertificateFacts c = CertificateFacts.parse(der("impostor.pem"));
		assertThat(c.issuer()).isEqualTo(c.subject());
		assertThat(c.selfSigned()).isFalse(); // signed by the CA's key, not its own
		assertThat(c.sha256Fingerprint()).isEqualTo(opensslFingerprint("impostor.pem"));
	}

	@Test
	void returnsNullForBytesThatAreNotACertificate() {
		assertThat(CertificateFacts.parse(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 })).isNull();
		assertThat(CertificateFacts.parse(new byte[0])).isNull();
		assertThat(CertificateFacts.parse(null)).isNull();
		byte[] truncated = java.util.Arrays.copyOf(der("rsa2048.pem"), 300);
		assertThat(CertificateFacts.parse(truncated)).isNull();
	}

	@Test
	void givesTheSameFactsForTheSameBytesAgainAtAnyOffset() {
		byte[] der = der("rsa2048.pem");
		CertificateFacts first = CertificateFacts.parse(der);
		byte[] framed = new byte[der.length + 7];
		System.arraycopy(der, 0, framed, 5, der.length);
		assertThat(Certificates.parse(framed, 5, der.length)).isEqualTo(first);
		java.util.Arrays.fill(framed, (byte) 0); // the cache keeps its own copy of the
													// bytes
		assertThat(CertificateFacts.parse(der)).isEqualTo(first);
	}

	@Test
	void doesNotServeOneCertificatesFactsForAnother() {
		byte[] der = der("rsa2048.pem");
		CertificateFacts strong = CertificateFacts.parse(der);
		CertificateFacts weak = CertificateFacts.parse(der("rsa1024.pem"));
		assertThat(weak.keyBits()).isEqualTo(1024);
		assertThat(strong.keyBits()).isEqualTo(2048);
		byte[] damaged = der.clone();
		damaged[damaged.length - 1] ^= 1; // same length, broken signature: parsed anew,
											// no longer self-signed
		CertificateFacts broken = CertificateFacts.parse(damaged);
		assertThat(broken == null || !broken.selfSigned()).isTrue();
		assertThat(CertificateFacts.parse(der).selfSigned()).isTrue();
	}

}
