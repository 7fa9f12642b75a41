package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.MediaStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TLS or DTLS below 1.2 negotiated (TLS 1.3 read from supported_versions by the parser).
 */
public final class TlsLegacyVersion implements Rule {

	static final Set<String> LEGACY = Set.of("SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1", "DTLS 1.0");

	@Override
	public String id() {
		return "TLS_LEGACY_VERSION";
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
		for (Leg leg : input.legs()) {
			if (leg.tls != null && leg.tls.version() != null && LEGACY.contains(leg.tls.version())) {
				out.add(finding(severity(), "leg", leg.id, frames(leg.tls
					.serverHelloFrame()), "The encrypted connection between " + leg.a + " and " + leg.b + " uses "
							+ leg.tls.version()
							+ ", an outdated protocol version that auditors and PCI/NIST guidance no longer accept.",
						"Disable SSL 3.0, TLS 1.0 and 1.1 on both endpoints; allow only TLS 1.2 and 1.3.",
						"negotiated " + leg.tls.version() + " (0x" + Integer.toHexString(leg.tls.versionCode()) + ")"));
			}
		}
		for (MediaStream s : input.allMedia()) {
			if (s.dtlsVersion != null && LEGACY.contains(s.dtlsVersion)) {
				out.add(finding(severity(), "media", s.id, frames(s.dtlsHandshakeFrame),
						"The media key exchange of stream " + s.id + " uses " + s.dtlsVersion
								+ ", an outdated version.",
						"Allow only DTLS 1.2 or newer for DTLS-SRTP.", "DTLS version " + s.dtlsVersion));
			}
		}
		return out;
	}

	static List<Long> frames(long... fs) {
		List<Long> out = new ArrayList<>();
		for (long f : fs) {
			if (f > 0) {
				out.add(f);
			}
		}
		return out;
	}

}
