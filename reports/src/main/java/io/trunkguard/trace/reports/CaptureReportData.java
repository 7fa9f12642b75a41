package io.trunkguard.trace.reports;

import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureCertificate;
import io.trunkguard.trace.CaptureFinding;
import io.trunkguard.trace.CaptureLeg;
import io.trunkguard.trace.LegVerdict;

import io.trunkguard.trace.diagram.CallPathDiagram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one capture report shows: the capture, its legs (unencrypted first), findings
 * (most severe first), certificates, the carriers it concerns, and the summary per
 * criterion, and the call-path diagram.
 */
record CaptureReportData(Capture capture, List<CaptureLeg> legs, List<CaptureFinding> findings,
		List<CaptureCertificate> certificates, Map<String, String> carrierNames, Instant generatedAt,
		CallPathDiagram callPath) {

	/** The rules the analyzer applies for each criterion in the summary. */
	static final Map<String, List<String>> RULES = Map.of("CC6.7",
			List.of("SIP_PLAINTEXT_SIGNALLING", "TLS_LEGACY_VERSION", "TLS_WEAK_CIPHER", "CERT_EXPIRED",
					"CERT_EXPIRING", "CERT_SELF_SIGNED", "CERT_WEAK_KEY", "CERT_WEAK_SIGNATURE", "MEDIA_PLAIN_RTP",
					"SDES_KEYS_EXPOSED", "SRTP_WEAK_SUITE", "MEDIA_DOWNGRADE", "DTLS_SRTP_NOT_SEEN"),
			"CC6.1", List.of("UNAUTHENTICATED_CALL"), "CC7.2",
			List.of("CERT_EXPIRED", "CERT_EXPIRING", "REGISTER_BRUTE_FORCE", "SIP_SCANNER", "TOLL_FRAUD_PATTERN"));

	/** One row of the summary per criterion. */
	record CriterionRow(String criterion, String checks, int passed, int failed, String result) {
	}

	CaptureReportData {
		legs = legs.stream()
			.sorted(Comparator.comparing((CaptureLeg leg) -> rank(leg.getVerdict()))
				.thenComparing(CaptureLeg::getFirstFrame))
			.toList();
		findings = findings.stream()
			.sorted(Comparator.comparing((CaptureFinding f) -> severityRank(f.getSeverity()))
				.thenComparing(CaptureFinding::getRuleId))
			.toList();
	}

	List<CriterionRow> summary() {
		List<CriterionRow> rows = new ArrayList<>();
		long encrypted = legs.stream().filter(l -> l.getVerdict() == LegVerdict.ENCRYPTED).count();
		long notEncrypted = legs.size() - encrypted;
		int cc67 = failedRules("CC6.7").size();
		rows.add(new CriterionRow("CC6.7 Transmission encryption",
				"legs encrypted end to end (signalling and media); " + RULES.get("CC6.7").size()
						+ " encryption and certificate rules",
				(int) encrypted + RULES.get("CC6.7").size() - cc67, (int) notEncrypted + cc67,
				legs.isEmpty() ? "No SIP legs in the capture"
						: notEncrypted == 0 && cc67 == 0 ? "Met" : "Not met: " + notEncrypted + " of " + legs.size()
								+ " legs not fully encrypted, " + cc67 + " rule(s) fired"));
		rows.add(ruleRow("CC6.1 Logical access", "INVITEs from outside challenged for authentication", "CC6.1"));
		rows.add(ruleRow("CC7.2 Anomaly detection", "brute force, scanners, toll fraud, certificate expiry", "CC7.2"));
		Set<String> carriers = new LinkedHashSet<>(carrierNames.keySet());
		int carriersMet = 0;
		for (String carrier : carriers) {
			boolean allEncrypted = legs.stream()
				.filter(l -> l.getVendorId() != null && l.getVendorId().toString().equals(carrier))
				.allMatch(l -> l.getVerdict() == LegVerdict.ENCRYPTED);
			carriersMet += allEncrypted ? 1 : 0;
		}
		rows.add(new CriterionRow("CC9.2 Vendor management", "carriers' traffic encrypted as contracts require",
				carriersMet, carriers.size() - carriersMet,
				carriers.isEmpty() ? "No carrier attached to this capture"
						: carriersMet == carriers.size() ? "Met for every attached carrier"
								: "Not met for " + (carriers.size() - carriersMet) + " carrier(s)"));
		return rows;
	}

	private CriterionRow ruleRow(String title, String checks, String criterion) {
		int failed = failedRules(criterion).size();
		int total = RULES.get(criterion).size();
		return new CriterionRow(title, checks, total - failed, failed,
				failed == 0 ? "Met" : "Not met: " + String.join(", ", failedRules(criterion)));
	}

	/** The distinct rules of the criterion that fired. */
	Set<String> failedRules(String criterion) {
		Set<String> fired = new LinkedHashSet<>();
		for (CaptureFinding f : findings) {
			if (f.getCriterion().contains(criterion) && RULES.get(criterion).contains(f.getRuleId())) {
				fired.add(f.getRuleId());
			}
		}
		return fired;
	}

	String carrierOf(CaptureLeg leg) {
		return leg.getVendorId() == null ? "" : carrierNames.getOrDefault(leg.getVendorId().toString(), "");
	}

	static int rank(LegVerdict verdict) {
		return switch (verdict) {
			case UNENCRYPTED -> 0;
			case PARTLY_ENCRYPTED -> 1;
			case ENCRYPTED -> 2;
		};
	}

	static int severityRank(String severity) {
		return switch (severity) {
			case "CRITICAL" -> 0;
			case "HIGH" -> 1;
			case "MEDIUM" -> 2;
			case "LOW" -> 3;
			default -> 4;
		};
	}

}
