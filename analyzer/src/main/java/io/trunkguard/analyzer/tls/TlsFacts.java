package io.trunkguard.analyzer.tls;

import java.util.List;

/**
 * What one TLS connection or DTLS association showed, as an immutable snapshot.
 *
 * @param clientSide the side that sent the ClientHello (or, when only a ServerHello was
 * seen, the other side); null until either is seen
 * @param datagram DTLS over UDP rather than TLS over a stream
 * @param version negotiated version ("TLS 1.2", "TLS 1.3", "DTLS 1.2", ...); TLS 1.3 is
 * read from supported_versions in the ServerHello, never from the legacy field; null if
 * unknown
 * @param versionCode the negotiated wire value, e.g. 0x0304; 0 if unknown
 * @param cipherSuite negotiated IANA code; -1 if unknown
 * @param cipherSuiteName IANA name of the negotiated suite; null if unknown
 * @param cipherStrength classification of the negotiated suite; UNKNOWN if none
 * @param serverName SNI host name, null if absent
 * @param alpn ALPN protocols (negotiated if the server answered, else offered)
 * @param offeredVersions versions offered in the ClientHello (supported_versions, else
 * legacy)
 * @param srtpProtectionProfiles use_srtp profiles: negotiated (ServerHello) if seen, else
 * offered
 * @param useSrtpNegotiated the server answered use_srtp
 * @param serverCertificates the server's chain, leaf first; empty if not observable
 * @param certificatesEncrypted TLS 1.3 (or DTLS 1.3): the certificate is encrypted and no
 * key log opened it
 * @param handshakeComplete both sides finished the handshake (best effort)
 * @param decrypted a key log matched and records were decrypted
 * @param alert last alert description seen, e.g. "handshake_failure"; null if none
 * @param clientHelloFrame frame completing the ClientHello; 0 if not seen
 * @param serverHelloFrame frame completing the ServerHello; 0 if not seen
 * @param certificateFrame frame completing the server Certificate; 0 if not seen
 * @param damage null, or what was malformed and where (side, offset, frame)
 * @param decryptionProblem null, or why a key log did not (fully) decrypt the connection:
 * no key for this client random, unsupported suite, authentication failure (wrong key)
 */
public record TlsFacts(Side clientSide, boolean datagram, String version, int versionCode, int cipherSuite,
		String cipherSuiteName, CipherSuites.Strength cipherStrength, String serverName, List<String> alpn,
		List<Integer> offeredVersions, List<Integer> srtpProtectionProfiles, boolean useSrtpNegotiated,
		List<CertificateFacts> serverCertificates, boolean certificatesEncrypted, boolean handshakeComplete,
		boolean decrypted, String alert, long clientHelloFrame, long serverHelloFrame, long certificateFrame,
		String damage, String decryptionProblem) {

	/** The contract's original shape, without a decryption problem. */
	public TlsFacts(Side clientSide, boolean datagram, String version, int versionCode, int cipherSuite,
			String cipherSuiteName, CipherSuites.Strength cipherStrength, String serverName, List<String> alpn,
			List<Integer> offeredVersions, List<Integer> srtpProtectionProfiles, boolean useSrtpNegotiated,
			List<CertificateFacts> serverCertificates, boolean certificatesEncrypted, boolean handshakeComplete,
			boolean decrypted, String alert, long clientHelloFrame, long serverHelloFrame, long certificateFrame,
			String damage) {
		this(clientSide, datagram, version, versionCode, cipherSuite, cipherSuiteName, cipherStrength, serverName, alpn,
				offeredVersions, srtpProtectionProfiles, useSrtpNegotiated, serverCertificates, certificatesEncrypted,
				handshakeComplete, decrypted, alert, clientHelloFrame, serverHelloFrame, certificateFrame, damage,
				null);
	}

	public TlsFacts {
		alpn = alpn == null ? List.of() : List.copyOf(alpn);
		offeredVersions = offeredVersions == null ? List.of() : List.copyOf(offeredVersions);
		srtpProtectionProfiles = srtpProtectionProfiles == null ? List.of() : List.copyOf(srtpProtectionProfiles);
		serverCertificates = serverCertificates == null ? List.of() : List.copyOf(serverCertificates);
	}

	/**
	 * Human name of a TLS/DTLS wire version, e.g. 0x0303 -> "TLS 1.2"; null if unknown.
	 */
	public static String versionName(int code) {
		switch (code) {
			case 0x0300:
				return "SSL 3.0";
			case 0x0301:
				return "TLS 1.0";
			case 0x0302:
				return "TLS 1.1";
			case 0x0303:
				return "TLS 1.2";
			case 0x0304:
				return "TLS 1.3";
			case 0xfeff:
				return "DTLS 1.0";
			case 0xfefd:
				return "DTLS 1.2";
			case 0xfefc:
				return "DTLS 1.3";
			default:
				if ((code & 0xff00) == 0x7f00) {
					return "TLS 1.3"; // drafts 0x7f00 + n
				}
				return null;
		}
	}
}
