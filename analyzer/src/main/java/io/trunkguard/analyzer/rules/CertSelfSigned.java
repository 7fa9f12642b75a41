package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.TlsSummary;

import java.util.ArrayList;
import java.util.List;

/** The server presents a self-signed leaf certificate. */
public final class CertSelfSigned implements Rule {

	@Override
	public String id() {
		return "CERT_SELF_SIGNED";
	}

	@Override
	public Severity severity() {
		return Severity.MEDIUM;
	}

	@Override
	public String criterion() {
		return "CC6.7";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		for (Leg leg : CertRules.withCertificates(input)) {
			TlsSummary.Certificate c = CertRules.leaf(leg);
			if (!c.selfSigned()) {
				continue;
			}
			out.add(finding(severity(), "leg", leg.id, CertRules.frames(leg),
					"The server " + leg.b + " proves its identity with a self-signed certificate (" + CertRules.name(c)
							+ "), which no trusted authority vouches for, so an impostor is hard to tell apart.",
					"Use a certificate issued by a public or the organisation's private CA and verify it on the client.",
					"subject = issuer = " + c.subject()));
		}
		return out;
	}

}
