package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.TlsSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The server certificate was past its notAfter at capture time or is today. */
public final class CertExpired implements Rule {

	@Override
	public String id() {
		return "CERT_EXPIRED";
	}

	@Override
	public Severity severity() {
		return Severity.HIGH;
	}

	@Override
	public String criterion() {
		return "CC6.7, CC7.2";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		Instant today = options.clock().instant();
		for (Leg leg : CertRules.withCertificates(input)) {
			TlsSummary.Certificate c = CertRules.leaf(leg);
			if (c.notAfter() == null) {
				continue;
			}
			boolean atCapture = input.captureStart() != null && c.notAfter().isBefore(input.captureStart());
			boolean now = c.notAfter().isBefore(today);
			if (!atCapture && !now) {
				continue;
			}
			String when = atCapture ? "had already expired when the traffic was captured"
					: "has expired since the capture";
			out.add(finding(severity(), "leg", leg.id, CertRules.frames(leg),
					"The server certificate " + CertRules.name(c) + " on " + leg.b + " " + when + " (valid until "
							+ c.notAfter()
							+ "); clients that check it refuse to connect, clients that don't are unprotected.",
					"Renew the certificate and install it on the SIP server; add it to certificate expiry monitoring.",
					"notAfter " + c.notAfter() + (atCapture ? ", capture started " + input.captureStart() : "")
							+ ", today " + today));
		}
		return out;
	}

}
