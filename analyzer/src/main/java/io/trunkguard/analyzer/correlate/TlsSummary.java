package io.trunkguard.analyzer.correlate;

import java.time.Instant;
import java.util.List;

/**
 * What the TLS/DTLS parser saw on a connection, copied from the tls package's facts so
 * the model, rules and report do not depend on the parser's lifetime.
 */
public record TlsSummary(String version, int versionCode, int cipherSuite, String cipherSuiteName,
		String cipherStrength, String serverName, List<String> alpn, List<Certificate> certificates,
		boolean certificatesEncrypted, boolean handshakeComplete, boolean decrypted, String alert, boolean useSrtp,
		List<String> srtpProfiles, long clientHelloFrame, long serverHelloFrame, long certificateFrame, String damage,
		String decryptionProblem) {

	/** One certificate of the server's chain, leaf first. */
	public record Certificate(String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
			boolean selfSigned, String keyAlgorithm, int keyBits, String signatureAlgorithm, boolean weakSignature,
			boolean weakKey, String sha256Fingerprint, List<String> subjectAltNames) {
	}
}
