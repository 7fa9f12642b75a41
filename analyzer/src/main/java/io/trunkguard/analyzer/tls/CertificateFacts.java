package io.trunkguard.analyzer.tls;

import java.time.Instant;
import java.util.List;

/**
 * Facts about one X.509 certificate, as an auditor needs them.
 *
 * @param subject subject DN (RFC 2253)
 * @param issuer issuer DN (RFC 2253)
 * @param serialHex serial number, upper-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param selfSigned issuer equals subject and the signature verifies with the
 * certificate's own key
 * @param keyAlgorithm "RSA", "EC", "Ed25519", "Ed448", "DSA", ...
 * @param keyBits RSA modulus bits, EC field size, DSA p bits, 255/448 for EdDSA; 0 if
 * unknown
 * @param signatureAlgorithm e.g. "SHA256withRSA", "SHA1withRSA", "MD5withRSA"
 * @param weakSignature SHA-1 or MD5 (or MD2) based signature
 * @param weakKey RSA or DSA below 2048 bits, EC below 256 bits
 * @param sha256Fingerprint SHA-256 of the DER, upper-case hex pairs separated by colons
 * (SDP a=fingerprint style)
 * @param subjectAltNames "DNS:host", "IP:addr", "URI:...", "email:..." entries
 */
public record CertificateFacts(String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
		boolean selfSigned, String keyAlgorithm, int keyBits, String signatureAlgorithm, boolean weakSignature,
		boolean weakKey, String sha256Fingerprint, List<String> subjectAltNames) {

	public CertificateFacts {
		subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
	}

	/**
	 * Parses one DER certificate with the JDK; never throws. Returns null if the bytes
	 * are not a certificate.
	 */
	public static CertificateFacts parse(byte[] der) {
		return Certificates.parse(der, 0, der == null ? 0 : der.length);
	}
}
