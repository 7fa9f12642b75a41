package io.trunkguard.trace.web;

import io.trunkguard.trace.CallPathDiagrams;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureCertificate;
import io.trunkguard.trace.CaptureFinding;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureLabel;
import io.trunkguard.trace.CaptureLeg;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.ClauseCheck;
import io.trunkguard.trace.ContractClauseCheck;
import io.trunkguard.trace.EncryptionRemediation;
import io.trunkguard.trace.EncryptionRemediationService;
import io.trunkguard.trace.QuestionnaireContradictions;
import io.trunkguard.trace.CaptureStatus;
import io.trunkguard.trace.LegVerdict;
import io.trunkguard.trace.diagram.CallPathSvg;
import io.trunkguard.vendor.VendorId;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A carrier's CC6.7 evidence as its page shows it: the latest verdict per trunk (the
 * server end of its legs), the TLS versions and suites and SRTP suites seen in its latest
 * capture, its certificates by expiry, the open findings of its latest capture, the share
 * of its legs encrypted per capture over time, the contract's encryption clause checked
 * against each trunk's latest capture (met, or the legs and frames that violate it), its
 * remediation tasks, and the questionnaire answers the traffic contradicts. Called from
 * the vendor page's template as {@code @carrierEvidence}.
 */
@Component("carrierEvidence")
public class CarrierEvidence {

	private final CaptureService captures;

	private final CaptureIntake intake;

	private final ContractClauseCheck clauses;

	private final EncryptionRemediationService remediations;

	private final QuestionnaireContradictions contradictions;

	private final CallPathDiagrams diagrams;

	CarrierEvidence(CaptureService captures, CaptureIntake intake, ContractClauseCheck clauses,
			EncryptionRemediationService remediations, QuestionnaireContradictions contradictions,
			CallPathDiagrams diagrams) {
		this.diagrams = diagrams;
		this.captures = captures;
		this.intake = intake;
		this.clauses = clauses;
		this.remediations = remediations;
		this.contradictions = contradictions;
	}

	/** For the upload form. */
	public CaptureLabel[] labels() {
		return CaptureLabel.values();
	}

	/** The upload limit, for people. */
	public String maxUploadSize() {
		return CapturePages.size(intake.maxCaptureBytes());
	}

	/** The carrier's evidence page section. */
	public record View(List<Capture> captures, List<TrunkRow> trunks, Set<String> tlsVersions, Set<String> tlsSuites,
			Set<String> srtpSuites, List<CaptureCertificate> certificates, List<CaptureFinding> openFindings,
			Capture latest, ClauseCheck clause, List<String> violations, String historySvg,
			List<EncryptionRemediation> remediations, List<QuestionnaireContradictions.Contradiction> contradictions,
			String callPathSvg) {

		public boolean analysed() {
			return latest != null;
		}

		/**
		 * Met when the contract states a clause and every trunk's latest capture meets
		 * it.
		 */
		public boolean clauseMet() {
			return clause.met();
		}

		public boolean overdue(EncryptionRemediation task) {
			return task.overdueOn(LocalDate.now(ZoneOffset.UTC));
		}

	}

	/** One trunk: its address, the latest verdict and the capture it comes from. */
	public record TrunkRow(String endpoint, String transport, LegVerdict verdict, String reason, Capture capture) {
	}

	public View of(VendorId vendor) {
		List<Capture> concerning = captures.concerning(vendor);
		List<CaptureLeg> legs = captures.legsOf(vendor);
		Map<CaptureId, Capture> byId = new LinkedHashMap<>();
		concerning.forEach(c -> byId.put(c.getId(), c));
		Comparator<Capture> byTraffic = Comparator
			.comparing((Capture c) -> c.getLastPacketAt() == null ? c.getUploadedAt() : c.getLastPacketAt());
		Map<CaptureId, List<CaptureLeg>> legsByCapture = legs.stream()
			.filter(l -> byId.containsKey(l.getCaptureId()))
			.collect(Collectors.groupingBy(CaptureLeg::getCaptureId, LinkedHashMap::new, Collectors.toList()));
		Capture latest = legsByCapture.keySet()
			.stream()
			.map(byId::get)
			.filter(c -> c.getStatus() == CaptureStatus.DONE)
			.max(byTraffic)
			.orElse(null);

		Map<String, TrunkRow> trunks = new LinkedHashMap<>();
		legsByCapture.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.comparing(byId::get, byTraffic)))
			.forEach(entry -> entry.getValue()
				.forEach(leg -> trunks.put(leg.getEndpointB(), new TrunkRow(leg.getEndpointB(), leg.getTransport(),
						leg.getVerdict(), leg.getReason(), byId.get(entry.getKey())))));

		Set<String> versions = new LinkedHashSet<>();
		Set<String> suites = new LinkedHashSet<>();
		Set<String> srtp = new LinkedHashSet<>();
		ClauseCheck clause = clauses.check(vendor);
		List<String> violations = clause.violations().stream().map(ClauseCheck.ClauseViolation::sentence).toList();
		List<CaptureFinding> open = List.of();
		if (latest != null) {
			for (CaptureLeg leg : legsByCapture.get(latest.getId())) {
				if (leg.getTlsVersion() != null) {
					versions.add(leg.getTlsVersion());
				}
				if (leg.getCipherSuite() != null) {
					suites.add(leg.getCipherSuite());
				}
				srtp.addAll(leg.getSrtpSuites());
			}
			open = captures.findingsOf(vendor, latest.getId());
		}
		Map<String, CaptureCertificate> certificates = new LinkedHashMap<>();
		for (CaptureCertificate c : captures.certificatesOf(vendor)) {
			certificates.putIfAbsent(c.getSha256Fingerprint(), c);
		}
		List<double[]> points = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		legsByCapture.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.comparing(byId::get, byTraffic)))
			.forEach(entry -> {
				long encrypted = entry.getValue().stream().filter(l -> l.getVerdict() == LegVerdict.ENCRYPTED).count();
				points.add(new double[] { (double) encrypted / entry.getValue().size() });
				Capture c = byId.get(entry.getKey());
				Instant at = c.getLastPacketAt() == null ? c.getUploadedAt() : c.getLastPacketAt();
				labels.add(at.atZone(ZoneOffset.UTC).toLocalDate().toString());
			});
		return new View(concerning, List.copyOf(trunks.values()), versions, suites, srtp,
				List.copyOf(certificates.values()), open, latest, clause, violations, chart(points, labels),
				remediations.ofVendor(vendor), contradictions.of(vendor),
				legs.isEmpty() ? "" : CallPathSvg.render(diagrams.ofCarrier(vendor), "carrier-call-path"));
	}

	/**
	 * A bar per capture, the share of the carrier's legs encrypted (server-rendered SVG,
	 * no script).
	 */
	static String chart(List<double[]> points, List<String> labels) {
		if (points.isEmpty()) {
			return "";
		}
		int bar = 36;
		int gap = 18;
		int height = 120;
		int width = Math.max(240, 40 + points.size() * (bar + gap));
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"encryption-history\" role=\"img\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height + 40)
			.append("\" aria-label=\"Share of the carrier's legs encrypted per capture\">");
		svg.append("<line x1=\"30\" y1=\"10\" x2=\"30\" y2=\"")
			.append(height + 10)
			.append("\" stroke=\"#999\"/><text x=\"0\" y=\"16\" font-size=\"10\">100%</text>")
			.append("<text x=\"8\" y=\"")
			.append(height + 10)
			.append("\" font-size=\"10\">0%</text>");
		for (int i = 0; i < points.size(); i++) {
			double share = points.get(i)[0];
			int h = (int) Math.round(share * height);
			int x = 40 + i * (bar + gap);
			String colour = share >= 1.0 ? "#2e7d32" : share > 0 ? "#b26a00" : "#c62828";
			svg.append("<rect class=\"history-bar\" x=\"")
				.append(x)
				.append("\" y=\"")
				.append(10 + height - Math.max(h, 2))
				.append("\" width=\"")
				.append(bar)
				.append("\" height=\"")
				.append(Math.max(h, 2))
				.append("\" fill=\"")
				.append(colour)
				.append("\"><title>")
				.append(HtmlUtils.htmlEscape(labels.get(i)))
				.append(": ")
				.append(Math.round(share * 100))
				.append("% of legs encrypted</title></rect>");
			svg.append("<text x=\"")
				.append(x)
				.append("\" y=\"")
				.append(height + 26)
				.append("\" font-size=\"9\">")
				.append(HtmlUtils.htmlEscape(labels.get(i).substring(2)))
				.append("</text>");
		}
		return svg.append("</svg>").toString();
	}

}
