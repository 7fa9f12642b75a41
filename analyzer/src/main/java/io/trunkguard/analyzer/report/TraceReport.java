package io.trunkguard.analyzer.report;

import io.trunkguard.analyzer.rules.Finding;

import java.util.List;
import java.util.Map;

/**
 * The result of analysing one capture. Serialised as JSON with {@link JsonReport}; the
 * schema is {@code trace-report.schema.json} (documented in the module README). Bump
 * {@link #SCHEMA_VERSION} on any incompatible change.
 */
public record TraceReport(String schemaVersion, AnalyzerInfo analyzer, Capture capture, Stats stats,
		List<DialogView> dialogs, List<LegView> legs, List<MediaView> unmatchedMedia, List<Finding> findings,
		Summary summary, List<String> notes) {

	public static final String SCHEMA_VERSION = "1.0";

	public record AnalyzerInfo(String name, String version) {
	}

	/** Identity of the capture file and how far it could be read. */
	public record Capture(String fileName, String sha256, long sizeBytes, boolean gzip, String format,
			String firstTimestamp, String lastTimestamp, long packets, List<String> linkTypes, boolean complete,
			DamageView damage) {
	}

	/** Where reading stopped and what was analysed before it. */
	public record DamageView(long offset, String description, long packetsBefore, String lastGoodTimestamp) {
	}

	public record Stats(long sipMessages, long sipFrames, Map<String, Long> sipRequests, Map<String, Long> sipResponses,
			Map<String, Long> sipTransports, long sdpBodies, long dialogs, long legs, long udpPackets, long tcpSegments,
			long sctpPackets, long tcpConnections, long ipFragmentsReassembled, long undecodedFrames, long evictedFlows,
			long droppedDialogs, long internalErrors) {
	}

	public record DialogView(String callId, String from, String to, String requestUri, List<String> methods,
			Integer finalStatus, List<String> userAgents, List<String> legs, long messages, long firstFrame,
			long lastFrame, String firstTimestamp, List<String> media) {
	}

	public record LegView(String id, String transport, String endpointA, String endpointB, long firstFrame,
			long lastFrame, String firstTimestamp, long sipMessages, List<String> callIds, TlsView tls,
			List<MediaView> media, String verdict, String reason, List<String> evidence) {
	}

	public record TlsView(String version, String cipherSuite, String cipherSuiteName, String cipherStrength,
			String serverName, List<String> alpn, List<CertView> certificates, boolean certificatesEncrypted,
			boolean handshakeComplete, boolean decrypted, String alert, long clientHelloFrame, long serverHelloFrame,
			String damage, String decryptionProblem) {
	}

	public record CertView(String subject, String issuer, String serialHex, String notBefore, String notAfter,
			boolean selfSigned, String keyAlgorithm, int keyBits, String signatureAlgorithm, boolean weakKey,
			boolean weakSignature, String sha256Fingerprint, List<String> subjectAltNames) {
	}

	public record MediaView(String id, String callId, String mediaType, String profile, String offerProfile,
			String answerProfile, String offerEndpoint, String answerEndpoint, List<String> flowEndpoints,
			List<String> cryptoSuites, boolean fingerprint, String setup, boolean dtlsHandshakeSeen,
			boolean dtlsUseSrtp, String dtlsVersion, String dtlsSrtpProfile, PacketsView packets, Double payloadEntropy,
			String protection, String evidence) {
	}

	public record PacketsView(long total, long rtp, long rtcp, long srtcpEncrypted, long stun, long dtls, long other,
			List<String> ssrcs, List<Integer> payloadTypes, long firstFrame, long lastFrame) {
	}

	public record Summary(long legs, long encrypted, long partlyEncrypted, long unencrypted,
			Map<String, Long> findingsBySeverity, String headline) {
	}
}
