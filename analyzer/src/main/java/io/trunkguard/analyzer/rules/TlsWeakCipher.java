package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;

import java.util.ArrayList;
import java.util.List;

/** NULL, anonymous, export, RC4, 3DES or CBC without forward secrecy negotiated. */
public final class TlsWeakCipher implements Rule {

	@Override
	public String id() {
		return "TLS_WEAK_CIPHER";
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
			if (leg.tls == null || leg.tls.cipherStrength() == null) {
				continue;
			}
			String strength = leg.tls.cipherStrength();
			if (strength.equals("STRONG") || strength.equals("UNKNOWN")) {
				continue;
			}
			boolean broken = strength.equals("WEAK_NULL") || strength.equals("WEAK_ANONYMOUS")
					|| strength.equals("WEAK_EXPORT");
			out.add(finding(broken ? Severity.CRITICAL : severity(), "leg", leg.id,
					TlsLegacyVersion.frames(leg.tls.serverHelloFrame()),
					"The encrypted connection between " + leg.a + " and " + leg.b + " uses the weak cipher suite "
							+ leg.tls.cipherSuiteName() + describe(strength) + ".",
					"Allow only AEAD suites with forward secrecy (ECDHE with AES-GCM or ChaCha20-Poly1305) on both sides.",
					"cipher suite 0x" + Integer.toHexString(leg.tls.cipherSuite()) + " classified " + strength));
		}
		return out;
	}

	private static String describe(String strength) {
		return switch (strength) {
			case "WEAK_NULL" -> ", which does not encrypt at all";
			case "WEAK_ANONYMOUS" -> ", which does not authenticate the server (anyone can impersonate it)";
			case "WEAK_EXPORT" -> ", a deliberately weakened export suite";
			case "WEAK_RC4" -> ", based on the broken RC4 cipher";
			case "WEAK_3DES" -> ", based on 3DES, which is vulnerable to Sweet32";
			case "WEAK_CBC_NO_FS" -> " (CBC without forward secrecy: a stolen server key decrypts past calls)";
			default -> "";
		};
	}

}
