package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.TlsSummary;

import java.util.ArrayList;
import java.util.List;

/** RSA keys below 2048 bits or EC keys below 256 bits in the server's chain. */
public final class CertWeakKey implements Rule {

	@Override
	public String id() {
		return "CERT_WEAK_KEY";
	}

	@Override
	public Severity severity() {
		return Severity.HIGH;
	}

	@Override
	public String criterion() {
		return "CC6.7";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		for (Leg leg : CertRules.withCertificates(input)) {
			for (TlsSummary.Certificate c : leg.tls.certificates()) {
				boolean weak = c.weakKey()
						|| "RSA".equalsIgnoreCase(c.keyAlgorithm()) && c.keyBits() > 0 && c.keyBits() < 2048
						|| "EC".equalsIgnoreCase(c.keyAlgorithm()) && c.keyBits() > 0 && c.keyBits() < 256;
				if (weak) {
					out.add(finding(severity(), "leg", leg.id, CertRules.frames(leg),
							"The certificate " + CertRules.name(c) + " on " + leg.b + " uses a " + c.keyBits() + "-bit "
									+ c.keyAlgorithm() + " key, too short to resist a determined attacker today.",
							"Reissue the certificate with an RSA key of at least 2048 bits or an EC key of at least 256 bits.",
							c.keyAlgorithm() + " " + c.keyBits() + " bits"));
					break;
				}
			}
		}
		return out;
	}

}
