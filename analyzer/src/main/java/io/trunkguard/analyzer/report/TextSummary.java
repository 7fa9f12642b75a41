package io.trunkguard.analyzer.report;

import io.trunkguard.analyzer.rules.Finding;

import java.util.Locale;

/** The human summary: capture identity, legs with verdicts, dialogs, findings. */
public final class TextSummary {

	private TextSummary() {
	}

	public static String render(TraceReport r) {
		StringBuilder b = new StringBuilder();
		TraceReport.Capture c = r.capture();
		b.append("Trunkguard trace report (schema ").append(r.schemaVersion()).append(")\n");
		b.append("Capture   ")
			.append(c.fileName() == null ? "(stream)" : c.fileName())
			.append("  ")
			.append(c.format())
			.append(c.gzip() ? " (gzip)" : "")
			.append(", ")
			.append(c.sizeBytes())
			.append(" bytes\n");
		b.append("SHA-256   ").append(c.sha256()).append('\n');
		b.append("Packets   ").append(c.packets());
		if (c.firstTimestamp() != null) {
			b.append(" from ").append(c.firstTimestamp()).append(" to ").append(c.lastTimestamp());
		}
		b.append("; link types ").append(c.linkTypes()).append('\n');
		if (c.damage() != null) {
			b.append("DAMAGED   at byte ")
				.append(c.damage().offset())
				.append(": ")
				.append(c.damage().description())
				.append(" (")
				.append(c.damage().packetsBefore())
				.append(" packets analysed before it)\n");
		}
		b.append("SIP       ")
			.append(r.stats().sipMessages())
			.append(" messages ")
			.append(r.stats().sipTransports())
			.append(", ")
			.append(r.stats().dialogs())
			.append(" dialogs\n");
		b.append("Verdict   ").append(r.summary().headline()).append("\n\n");
		if (!r.legs().isEmpty()) {
			b.append("Legs\n");
			for (TraceReport.LegView l : r.legs()) {
				b.append(String.format(Locale.ROOT, "  %-5s %-4s %s <-> %s  %d SIP msgs  %s%n", l.id(), l.transport(),
						l.endpointA(), l.endpointB(), l.sipMessages(), l.verdict()));
				if (l.tls() != null) {
					b.append("        TLS ")
						.append(l.tls().version())
						.append(' ')
						.append(l.tls().cipherSuiteName())
						.append(l.tls().serverName() == null ? "" : " SNI " + l.tls().serverName())
						.append('\n');
				}
				for (TraceReport.MediaView m : l.media()) {
					b.append("        ")
						.append(m.id())
						.append(' ')
						.append(m.mediaType())
						.append(' ')
						.append(m.profile() == null ? "(no SDP)" : m.profile())
						.append(", ")
						.append(m.packets().rtp())
						.append(" RTP pkts: ")
						.append(m.protection())
						.append('\n');
				}
				b.append("        ").append(l.reason()).append('\n');
			}
			b.append('\n');
		}
		if (!r.dialogs().isEmpty()) {
			b.append("Dialogs\n");
			int shown = 0;
			for (TraceReport.DialogView d : r.dialogs()) {
				if (shown++ == 30) {
					b.append("  ... ").append(r.dialogs().size() - 30).append(" more in the JSON report\n");
					break;
				}
				b.append("  ")
					.append(d.callId())
					.append("  ")
					.append(d.methods())
					.append(" final ")
					.append(d.finalStatus() == null ? "-" : d.finalStatus())
					.append("  legs ")
					.append(d.legs())
					.append('\n');
			}
			b.append('\n');
		}
		if (!r.unmatchedMedia().isEmpty()) {
			b.append("Media without signalling: ").append(r.unmatchedMedia().size()).append(" stream(s)\n\n");
		}
		b.append("Findings (").append(r.findings().size()).append(")\n");
		for (Finding f : r.findings()) {
			b.append(String.format(Locale.ROOT, "  %-8s %-25s %-6s %s %s%n", f.severity(), f.ruleId(), f.criterion(),
					f.subjectType(), f.subjectId()));
			b.append("           ").append(f.explanation()).append('\n');
			b.append("           fix: ").append(f.remediation()).append("  frames ").append(f.frames()).append('\n');
		}
		return b.toString();
	}

}
