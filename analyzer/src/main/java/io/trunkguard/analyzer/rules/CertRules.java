package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.TlsSummary;

import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the certificate rules. */
final class CertRules {

	private CertRules() {
	}

	/** Legs that carried an observable server certificate chain (leaf first). */
	static List<Leg> withCertificates(RuleInput input) {
		List<Leg> out = new ArrayList<>();
		for (Leg leg : input.legs()) {
			if (leg.tls != null && leg.tls.certificates() != null && !leg.tls.certificates().isEmpty()) {
				out.add(leg);
			}
		}
		return out;
	}

	static TlsSummary.Certificate leaf(Leg leg) {
		return leg.tls.certificates().get(0);
	}

	static List<Long> frames(Leg leg) {
		long f = leg.tls.certificateFrame() > 0 ? leg.tls.certificateFrame() : leg.tls.serverHelloFrame();
		return TlsLegacyVersion.frames(f);
	}

	static String name(TlsSummary.Certificate c) {
		return c.subject() == null ? "(no subject)" : c.subject();
	}

}
