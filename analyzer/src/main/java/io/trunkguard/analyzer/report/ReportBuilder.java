package io.trunkguard.analyzer.report;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.correlate.Dialog;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.correlate.TlsSummary;
import io.trunkguard.analyzer.correlate.Verdict;
import io.trunkguard.analyzer.correlate.Verdicts;
import io.trunkguard.analyzer.rules.Finding;
import io.trunkguard.analyzer.rules.Severity;
import io.trunkguard.analyzer.sdp.Sdp;
import io.trunkguard.analyzer.text.Format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns the correlated model and the findings into the immutable report. */
public final class ReportBuilder {

	private ReportBuilder() {
	}

	public static TraceReport build(TraceReport.Capture capture, TraceReport.Stats stats, Correlator c,
			List<Finding> findings, String version, List<String> notes) {
		List<TraceReport.DialogView> dialogs = new ArrayList<>();
		for (Dialog d : c.dialogs().values()) {
			List<String> media = new ArrayList<>();
			for (MediaStream s : d.media.values()) {
				media.add(s.id);
			}
			dialogs.add(new TraceReport.DialogView(d.callId, d.from, d.to, d.requestUri, List.copyOf(d.methods),
					d.finalStatus == 0 ? null : d.finalStatus, List.copyOf(d.userAgents), List.copyOf(d.legIds),
					d.messages, d.firstFrame, d.lastFrame, time(d.firstTimestamp), media));
		}
		List<TraceReport.LegView> legs = new ArrayList<>();
		// a stream on several legs has one view when its judgement is the same on each
		// (the JSON writer then writes it once)
		Map<MediaStream, TraceReport.MediaView> views = new IdentityHashMap<>();
		long enc = 0;
		long part = 0;
		long clear = 0;
		for (Leg l : c.legs()) {
			List<TraceReport.MediaView> media = new ArrayList<>();
			for (MediaStream s : l.media) {
				media.add(media(s, l, views));
			}
			List<String> callIds = new ArrayList<>(l.callIds);
			if (callIds.size() > 50) {
				callIds = callIds.subList(0, 50);
			}
			legs.add(new TraceReport.LegView(l.id, l.transport.name(), l.a.toString(), l.b.toString(), l.firstFrame,
					l.lastFrame, time(l.firstTimestamp), l.sipMessages, List.copyOf(callIds), tls(l.tls), media,
					l.verdict == null ? null : l.verdict.name(), l.reason, List.copyOf(l.evidence)));
			if (l.verdict == Verdict.ENCRYPTED) {
				enc++;
			}
			else if (l.verdict == Verdict.PARTLY_ENCRYPTED) {
				part++;
			}
			else {
				clear++;
			}
		}
		List<TraceReport.MediaView> unmatched = new ArrayList<>();
		for (MediaStream s : c.unmatchedMedia()) {
			unmatched.add(media(s, null));
		}
		Map<String, Long> bySeverity = new LinkedHashMap<>();
		for (Severity s : Severity.values()) {
			bySeverity.put(s.name(), 0L);
		}
		for (Finding f : findings) {
			bySeverity.merge(f.severity().name(), 1L, Long::sum);
		}
		String headline = headline(capture, legs.size(), enc, part, clear, findings);
		TraceReport.Summary summary = new TraceReport.Summary(legs.size(), enc, part, clear, bySeverity, headline);
		return new TraceReport(TraceReport.SCHEMA_VERSION, new TraceReport.AnalyzerInfo("trunkguard-analyzer", version),
				capture, stats, dialogs, legs, unmatched, List.copyOf(findings), summary, List.copyOf(notes));
	}

	private static String headline(TraceReport.Capture capture, int legs, long enc, long part, long clear,
			List<Finding> findings) {
		StringBuilder b = new StringBuilder();
		if (legs == 0) {
			b.append("No SIP signalling found");
		}
		else {
			b.append(legs)
				.append(legs == 1 ? " leg: " : " legs: ")
				.append(enc)
				.append(" encrypted, ")
				.append(part)
				.append(" partly encrypted, ")
				.append(clear)
				.append(" unencrypted");
		}
		b.append("; ").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings");
		if (capture.damage() != null) {
			b.append("; capture damaged at byte ").append(capture.damage().offset());
		}
		return b.toString();
	}

	private static TraceReport.MediaView media(MediaStream s, Leg leg, Map<MediaStream, TraceReport.MediaView> views) {
		TraceReport.MediaView seen = views.get(s);
		Verdicts.MediaJudgement j = Verdicts.judge(s, leg);
		if (seen != null && seen.protection().equals(j.protection().name())
				&& Objects.equals(seen.evidence(), j.evidence())) {
			return seen;
		}
		TraceReport.MediaView view = view(s, j);
		views.put(s, view);
		return view;
	}

	static TraceReport.MediaView media(MediaStream s, Leg leg) {
		return view(s, Verdicts.judge(s, leg));
	}

	private static TraceReport.MediaView view(MediaStream s, Verdicts.MediaJudgement j) {
		List<String> suites = new ArrayList<>();
		for (Sdp.Crypto cr : s.crypto()) {
			String text = cr.suite() + (cr.sessionParams().isEmpty() ? "" : " " + String.join(" ", cr.sessionParams()));
			if (!suites.contains(text)) {
				suites.add(text);
			}
		}
		List<String> ssrcs = new ArrayList<>();
		for (long v : s.ssrcs) {
			ssrcs.add(Format.of("0x%08x", v));
		}
		List<String> flows = new ArrayList<>();
		s.flowEndpoints.forEach(e -> flows.add(e.toString()));
		Double entropy = s.entropy().conclusive() ? Math.round(s.entropy().bitsPerByte() * 1000) / 1000.0 : null;
		return new TraceReport.MediaView(s.id, s.callId, s.mediaType, s.negotiated() ? s.profile() : null,
				s.offerProfile, s.answerProfile, str(s.offerEndpoint), str(s.answerEndpoint), flows, suites,
				s.fingerprint, s.setup, s.dtlsHandshake, s.dtlsUseSrtp, s.dtlsVersion, s.dtlsSrtpProfile,
				new TraceReport.PacketsView(s.packets, s.rtpPackets, s.rtcpPackets, s.srtcpEncrypted, s.stunPackets,
						s.dtlsPackets, s.otherPackets, ssrcs, List.copyOf(s.payloadTypes), s.firstFrame, s.lastFrame),
				entropy, j.protection().name(), j.evidence());
	}

	private static TraceReport.TlsView tls(TlsSummary t) {
		if (t == null) {
			return null;
		}
		List<TraceReport.CertView> certs = new ArrayList<>();
		if (t.certificates() != null) {
			for (TlsSummary.Certificate c : t.certificates()) {
				certs.add(new TraceReport.CertView(c.subject(), c.issuer(), c.serialHex(), str(c.notBefore()),
						str(c.notAfter()), c.selfSigned(), c.keyAlgorithm(), c.keyBits(), c.signatureAlgorithm(),
						c.weakKey(), c.weakSignature(), c.sha256Fingerprint(),
						c.subjectAltNames() == null ? List.of() : List.copyOf(c.subjectAltNames())));
			}
		}
		return new TraceReport.TlsView(t.version(), t.cipherSuite() < 0 ? null : Format.of("0x%04x", t.cipherSuite()),
				t.cipherSuiteName(), t.cipherStrength(), t.serverName(),
				t.alpn() == null ? List.of() : List.copyOf(t.alpn()), certs, t.certificatesEncrypted(),
				t.handshakeComplete(), t.decrypted(), t.alert(), t.clientHelloFrame(), t.serverHelloFrame(), t.damage(),
				t.decryptionProblem());
	}

	private static String str(Object o) {
		return o == null ? null : o.toString();
	}

	public static String time(long nanos) {
		if (nanos == 0) {
			return null;
		}
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
			.toString();
	}

}
