package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;

import java.util.ArrayList;
import java.util.List;

/** TLS 1.3 encrypts the certificate: its validity cannot be checked from the capture. */
public final class CertNotObservable implements Rule {

	@Override
	public String id() {
		return "CERT_NOT_OBSERVABLE";
	}

	@Override
	public Severity severity() {
		return Severity.INFO;
	}

	@Override
	public String criterion() {
		return "CC6.7";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		for (Leg leg : input.legs()) {
			if (leg.tls == null || !leg.tls.certificatesEncrypted()
					|| leg.tls.certificates() != null && !leg.tls.certificates().isEmpty()) {
				continue;
			}
			out.add(finding(severity(), "leg", leg.id, TlsLegacyVersion.frames(leg.tls.serverHelloFrame()),
					"The connection between " + leg.a + " and " + leg.b
							+ " uses TLS 1.3, which hides the server certificate"
							+ " from observers; its expiry and strength cannot be checked from this capture.",
					"Register the server's certificate in Trunkguard's certificate watch, or supply the TLS key log.",
					"TLS 1.3: Certificate message is encrypted"));
		}
		return out;
	}

}
