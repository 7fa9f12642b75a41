package io.trunkguard.trace;

import java.time.Instant;
import java.util.List;

/**
 * What the analyzer found in one capture, as data the domain keeps and queries, with the
 * full JSON report beside it.
 *
 * @param reportJson the versioned JSON report, as the analyzer's command line prints it
 * with {@code --json}
 */
public record AnalysisResult(String analyzerVersion, String schemaVersion, CaptureFacts capture, List<LegFacts> legs,
		List<FindingFacts> findings, List<CertificateFacts> certificates, String reportJson) {

	public AnalysisResult {
		legs = List.copyOf(legs);
		findings = List.copyOf(findings);
		certificates = List.copyOf(certificates);
	}

	/**
	 * The capture's identity and extent: its own time span (what the evidence is dated
	 * by), packets, whether it could be read to its end and, if not, where the damage
	 * starts.
	 */
	public record CaptureFacts(String sha256, long sizeBytes, String format, Instant firstPacketAt,
			Instant lastPacketAt, long packets, boolean complete, String damage, long dialogs, String headline) {
	}

	/**
	 * One signalling flow between two endpoints over one transport, with its media.
	 *
	 * @param endpointA the client side, {@code address:port}
	 * @param endpointB the server side, {@code address:port}
	 * @param serverName the TLS server name (SNI), if any
	 * @param certificateNames subject and alternative names of the leaf certificate
	 * @param certificateFingerprints SHA-256 fingerprints of the certificates the server
	 * sent
	 * @param media one line per media stream, e.g. "audio SRTP AES_CM_128_HMAC_SHA1_80"
	 * @param srtpSuites the SRTP suites negotiated on the leg's media
	 * @param plainMedia whether a media stream of the leg is unprotected
	 * @param subjects the ids of its media streams and the Call-IDs of its dialogs, which
	 * findings about media or dialogs name
	 */
	public record LegFacts(String legId, String transport, String endpointA, String endpointB, LegVerdict verdict,
			String reason, String tlsVersion, String cipherSuite, String serverName, List<String> certificateNames,
			List<String> certificateFingerprints, List<String> media, List<String> srtpSuites, boolean plainMedia,
			long firstFrame, long lastFrame, Instant firstSeenAt, List<String> subjects) {

		public LegFacts {
			subjects = List.copyOf(subjects);
			certificateNames = List.copyOf(certificateNames);
			certificateFingerprints = List.copyOf(certificateFingerprints);
			media = List.copyOf(media);
			srtpSuites = List.copyOf(srtpSuites);
		}

		public boolean signallingEncrypted() {
			return "TLS".equalsIgnoreCase(transport) || "WSS".equalsIgnoreCase(transport);
		}

	}

	/**
	 * One finding of a rule.
	 *
	 * @param subjectType "leg", "dialog", "media" or "source"
	 */
	public record FindingFacts(String ruleId, String severity, String criterion, String subjectType, String subjectId,
			List<Long> frames, String explanation, String remediation, String evidence) {

		public FindingFacts {
			frames = List.copyOf(frames);
		}

	}

	/** A certificate a server sent on a leg. */
	public record CertificateFacts(String legId, String endpoint, String sha256Fingerprint, String subject,
			String issuer, Instant notBefore, Instant notAfter, boolean selfSigned, String keyAlgorithm, int keyBits,
			String signatureAlgorithm, List<String> names, String serial) {

		public CertificateFacts {
			names = List.copyOf(names);
		}

	}

}
