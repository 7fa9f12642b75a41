package io.trunkguard.trace;

import io.trunkguard.questionnaire.Answer;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.vendor.VendorId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a carrier answered about encryption in transit in its latest submitted
 * questionnaire (the default template's ENC-1 to ENC-4) set against the latest capture of
 * each of its trunks: every answer the traffic contradicts, with the leg and frames that
 * show it. Shown on the carrier's CC6.7 section and on the questionnaire's answers.
 */
@Service
@Transactional(readOnly = true)
public class QuestionnaireContradictions {

	private static final List<String> TLS_ORDER = List.of("SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3");

	/** One answer the traffic contradicts. */
	public record Contradiction(String questionCode, String answer, String observed, String captureFile, String legId,
			List<Long> frames) {

		public String sentence() {
			return "The carrier answered " + questionCode + " with “" + answer + "”, but capture " + captureFile
					+ " shows " + observed + " on leg " + legId + " (frames "
					+ String.join(", ", frames.stream().limit(10).map(String::valueOf).toList()) + ").";
		}

	}

	private final QuestionnaireService questionnaires;

	private final ContractClauseCheck traffic;

	private final CaptureFindings findings;

	QuestionnaireContradictions(QuestionnaireService questionnaires, ContractClauseCheck traffic,
			CaptureFindings findings) {
		this.questionnaires = questionnaires;
		this.traffic = traffic;
		this.findings = findings;
	}

	/** The contradictions of the carrier's latest submitted questionnaire. */
	public List<Contradiction> of(VendorId vendor) {
		return questionnaires.ofVendor(vendor)
			.stream()
			.filter(q -> q.getSubmittedAt() != null)
			.max(Comparator.comparing(Questionnaire::getSubmittedAt))
			.map(this::of)
			.orElse(List.of());
	}

	/** The contradictions of one questionnaire's answers with its carrier's traffic. */
	public List<Contradiction> of(Questionnaire given) {
		// read again in this transaction: a page hands in a detached questionnaire
		Questionnaire questionnaire = questionnaires.get(given.getId());
		if (questionnaire.getSubmittedAt() == null) {
			return List.of();
		}
		Map<String, Answer> answers = questionnaire.answersByCode();
		List<Contradiction> found = new ArrayList<>();
		for (ContractClauseCheck.TrunkTraffic trunk : traffic.latestPerTrunk(questionnaire.getVendorId()).values()) {
			List<CaptureFinding> captureFindings = findings.findByCaptureId(trunk.capture().getId());
			for (CaptureLeg leg : trunk.legs()) {
				List<Long> frames = ContractClauseCheck.frames(leg, captureFindings);
				String file = trunk.capture().getFileName();
				answer(answers, "ENC-1").filter("Yes"::equalsIgnoreCase)
					.filter(a -> !leg.signallingEncrypted())
					.ifPresent(a -> found.add(new Contradiction("ENC-1", a,
							"SIP in clear over " + leg.getTransport() + " to " + leg.getEndpointB(), file,
							leg.getLegId(), frames)));
				answer(answers, "ENC-2").filter(a -> older(leg.getTlsVersion(), a))
					.ifPresent(a -> found.add(new Contradiction("ENC-2", a, "SIP over " + leg.getTlsVersion(), file,
							leg.getLegId(), frames)));
				if (leg.isPlainMedia()) {
					answer(answers, "ENC-3").filter(a -> !a.equalsIgnoreCase("Plain RTP"))
						.ifPresent(a -> found
							.add(new Contradiction("ENC-3", a, "plain RTP", file, leg.getLegId(), frames)));
					answer(answers, "ENC-4").filter("No"::equalsIgnoreCase)
						.ifPresent(a -> found.add(new Contradiction("ENC-4", a, "plain RTP (no SRTP on this call)",
								file, leg.getLegId(), frames)));
				}
			}
		}
		return found;
	}

	private static Optional<String> answer(Map<String, Answer> answers, String code) {
		return Optional.ofNullable(answers.get(code)).map(Answer::value).map(String::strip).filter(a -> !a.isEmpty());
	}

	/**
	 * Whether the observed version is older than the oldest the carrier said it
	 * negotiates.
	 */
	static boolean older(String observed, String answered) {
		if (observed == null) {
			return false;
		}
		String claimed = answered.startsWith("TLS 1.0") ? "TLS 1.0" : answered;
		int seen = TLS_ORDER.indexOf(observed);
		int oldest = TLS_ORDER.indexOf(claimed);
		return seen >= 0 && oldest >= 0 && seen < oldest;
	}

}
