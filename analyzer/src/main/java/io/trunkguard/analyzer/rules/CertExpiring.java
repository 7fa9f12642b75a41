package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.TlsSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The server certificate is valid but expires within the configured days (30) of the
 * capture or of today.
 */
public final class CertExpiring implements Rule {

	@Override
	public String id() {
		return "CERT_EXPIRING";
	}

	@Override
	public Severity severity() {
		return Severity.MEDIUM;
	}

	@Override
	public String criterion() {
		return "CC6.7, CC7.2";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		Instant today = options.clock().instant();
		Duration horizon = Duration.ofDays(options.certExpiringDays());
		for (Leg leg : CertRules.withCertificates(input)) {
			TlsSummary.Certificate c = CertRules.leaf(leg);
			if (c.notAfter() == null) {
				continue;
			}
			Instant capture = input.captureStart();
			boolean expired = c.notAfter().isBefore(today) || capture != null && c.notAfter().isBefore(capture);
			if (expired) {
				continue; // CERT_EXPIRED reports it
			}
			boolean soonAfterCapture = capture != null && c.notAfter().isBefore(capture.plus(horizon));
			boolean soon = c.notAfter().isBefore(today.plus(horizon));
			if (!soon && !soonAfterCapture) {
				continue;
			}
			long days = Duration.between(today, c.notAfter()).toDays();
			out.add(finding(severity(), "leg", leg.id, CertRules.frames(leg),
					"The server certificate " + CertRules.name(c) + " on " + leg.b + " expires on " + c.notAfter()
							+ " (" + days + " days from today), within the " + options.certExpiringDays()
							+ "-day warning period.",
					"Renew the certificate before it expires and deploy it to the SIP server.",
					"notAfter " + c.notAfter() + ", warning horizon " + options.certExpiringDays() + " days"));
		}
		return out;
	}

}
