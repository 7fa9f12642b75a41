package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;

import java.util.ArrayList;
import java.util.List;

/** The rule catalogue, in report order. */
public final class Rules {

	private Rules() {
	}

	public static List<Rule> all() {
		return List.of(new SipPlaintextSignalling(), new TlsLegacyVersion(), new TlsWeakCipher(), new CertExpired(),
				new CertExpiring(), new CertSelfSigned(), new CertWeakKey(), new CertWeakSignature(),
				new CertNotObservable(), new MediaPlainRtp(), new SdesKeysExposed(), new SrtpWeakSuite(),
				new MediaDowngrade(), new DtlsSrtpNotSeen(), new RegisterBruteForce(), new SipScanner(),
				new TollFraudPattern(), new UnauthenticatedCall());
	}

	/** Runs every rule; a rule that fails on odd input is skipped, never fatal. */
	public static List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		for (Rule r : all()) {
			try {
				out.addAll(r.evaluate(input, options));
			}
			catch (RuntimeException e) {
				out.add(new Finding(r.id(), Severity.INFO, r.criterion(), "capture", "-", List.of(),
						"This check could not be completed on this capture.",
						"Report the capture to Trunkguard support.", "rule failed: " + e));
			}
		}
		out.sort((a, b) -> Integer.compare(a.severity().ordinal(), b.severity().ordinal()));
		return out;
	}

}
