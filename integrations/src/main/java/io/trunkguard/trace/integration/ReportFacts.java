package io.trunkguard.trace.integration;

import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.rules.Finding;
import io.trunkguard.trace.AnalysisResult;
import io.trunkguard.trace.AnalysisResult.CaptureFacts;
import io.trunkguard.trace.AnalysisResult.CertificateFacts;
import io.trunkguard.trace.AnalysisResult.FindingFacts;
import io.trunkguard.trace.AnalysisResult.LegFacts;
import io.trunkguard.trace.LegVerdict;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the analyzer's report into the trace module's data. */
final class ReportFacts {

	private ReportFacts() {
	}

	static AnalysisResult of(TraceReport report, String json) {
		TraceReport.Capture c = report.capture();
		String damage = c.damage() == null ? null : "Damaged from byte " + c.damage().offset() + ": "
				+ c.damage().description() + " (" + c.damage().packetsBefore() + " packets before it were analysed)";
		CaptureFacts capture = new CaptureFacts(c.sha256(), c.sizeBytes(), c.format(), instant(c.firstTimestamp()),
				instant(c.lastTimestamp()), c.packets(), c.complete(), damage, report.dialogs().size(),
				report.summary().headline());
		List<LegFacts> legs = new ArrayList<>();
		List<CertificateFacts> certificates = new ArrayList<>();
		for (TraceReport.LegView leg : report.legs()) {
			legs.add(leg(leg));
			if (leg.tls() != null) {
				for (TraceReport.CertView cert : leg.tls().certificates()) {
					certificates.add(certificate(leg, cert));
				}
			}
		}
		List<FindingFacts> findings = new ArrayList<>();
		for (Finding f : report.findings()) {
			findings
				.add(new FindingFacts(f.ruleId(), f.severity().name(), f.criterion(), f.subjectType(), f.subjectId(),
						f.frames() == null ? List.of() : f.frames(), f.explanation(), f.remediation(), f.evidence()));
		}
		return new AnalysisResult(report.analyzer().version(), report.schemaVersion(), capture, legs, findings,
				certificates, json);
	}

	private static LegFacts leg(TraceReport.LegView leg) {
		TraceReport.TlsView tls = leg.tls();
		Set<String> names = new LinkedHashSet<>();
		List<String> fingerprints = new ArrayList<>();
		if (tls != null && !tls.certificates().isEmpty()) {
			TraceReport.CertView leaf = tls.certificates().get(0);
			names.add(commonName(leaf.subject()));
			names.addAll(leaf.subjectAltNames());
			names.remove(null);
			for (TraceReport.CertView cert : tls.certificates()) {
				if (cert.sha256Fingerprint() != null) {
					fingerprints.add(fingerprint(cert.sha256Fingerprint()));
				}
			}
		}
		List<String> media = new ArrayList<>();
		Set<String> suites = new LinkedHashSet<>();
		boolean plain = false;
		List<String> subjects = new ArrayList<>(leg.callIds() == null ? List.of() : leg.callIds());
		for (TraceReport.MediaView m : leg.media()) {
			subjects.add(m.id());
			media.add(describe(m));
			if (m.cryptoSuites() != null) {
				suites.addAll(m.cryptoSuites());
			}
			if (m.dtlsSrtpProfile() != null) {
				suites.add(m.dtlsSrtpProfile());
			}
			plain |= "UNPROTECTED".equals(m.protection());
		}
		return new LegFacts(leg.id(), leg.transport(), leg.endpointA(), leg.endpointB(), LegVerdict.of(leg.verdict()),
				leg.reason(), tls == null ? null : tls.version(), tls == null ? null : tls.cipherSuiteName(),
				tls == null ? null : tls.serverName(), List.copyOf(names), fingerprints, media, List.copyOf(suites),
				plain, leg.firstFrame(), leg.lastFrame(), instant(leg.firstTimestamp()), subjects);
	}

	private static String describe(TraceReport.MediaView m) {
		String protection = switch (m.protection() == null ? "" : m.protection()) {
			case "PROTECTED" -> "encrypted";
			case "UNPROTECTED" -> "not encrypted";
			case "NOT_USED" -> "not used";
			default -> "protection not observable";
		};
		StringBuilder b = new StringBuilder();
		b.append(m.mediaType() == null ? "media" : m.mediaType());
		if (m.profile() != null) {
			b.append(' ').append(m.profile());
		}
		b.append(": ").append(protection);
		if (m.cryptoSuites() != null && !m.cryptoSuites().isEmpty()) {
			b.append(" (SDES ").append(String.join(", ", m.cryptoSuites())).append(')');
		}
		if (m.dtlsSrtpProfile() != null) {
			b.append(" (DTLS-SRTP ").append(m.dtlsSrtpProfile()).append(')');
		}
		if (m.packets() != null) {
			b.append(", ").append(m.packets().rtp()).append(" RTP packets");
		}
		return b.toString();
	}

	private static CertificateFacts certificate(TraceReport.LegView leg, TraceReport.CertView cert) {
		List<String> names = new ArrayList<>();
		String cn = commonName(cert.subject());
		if (cn != null) {
			names.add(cn);
		}
		for (String san : cert.subjectAltNames()) {
			if (!names.contains(san)) {
				names.add(san);
			}
		}
		return new CertificateFacts(leg.id(), leg.endpointB(),
				cert.sha256Fingerprint() == null ? "unknown" : fingerprint(cert.sha256Fingerprint()), cert.subject(),
				cert.issuer(), instant(cert.notBefore()), instant(cert.notAfter()), cert.selfSigned(),
				cert.keyAlgorithm(), cert.keyBits(), cert.signatureAlgorithm(), names, cert.serialHex());
	}

	/**
	 * A SHA-256 fingerprint as trunk endpoints keep it: 64 lower-case hex digits, no
	 * colons.
	 */
	static String fingerprint(String text) {
		return text.replace(":", "").toLowerCase(java.util.Locale.ROOT);
	}

	/** The CN of an RFC 4514 distinguished name, or null. */
	static String commonName(String subject) {
		if (subject == null) {
			return null;
		}
		for (String part : subject.split(",")) {
			String p = part.strip();
			if (p.regionMatches(true, 0, "CN=", 0, 3)) {
				return p.substring(3);
			}
		}
		return null;
	}

	private static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

}
