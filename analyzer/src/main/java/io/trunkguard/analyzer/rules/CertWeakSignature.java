package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.TlsSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SHA-1 or MD5 signatures in the server's chain. */
public final class CertWeakSignature implements Rule {

	@Override
	public String id() {
		return "CERT_WEAK_SIGNATURE";
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
			for (TlsSummary.Certificate c : leg.tls.certificates()) {
				String alg = c.signatureAlgorithm() == null ? "" : c.signatureAlgorithm().toUpperCase(Locale.ROOT);
				if (c.weakSignature() || alg.startsWith("SHA1") || alg.startsWith("MD5") || alg.startsWith("MD2")) {
					out.add(finding(severity(), "leg", leg.id, CertRules.frames(leg),
							"The certificate " + CertRules.name(c) + " on " + leg.b + " is signed with "
									+ c.signatureAlgorithm()
									+ ", a hash that can be forged, so the certificate could be counterfeited.",
							"Reissue the certificate with a SHA-256 (or stronger) signature.",
							"signature algorithm " + c.signatureAlgorithm()));
					break;
				}
			}
		}
		return out;
	}

}
