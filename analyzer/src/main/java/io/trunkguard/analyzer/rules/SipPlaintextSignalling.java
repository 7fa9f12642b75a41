package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Leg;

import java.util.ArrayList;
import java.util.List;

/**
 * SIP over UDP, TCP, SCTP or ws:// : anyone on the path reads who calls whom, and any
 * SDES keys.
 */
public final class SipPlaintextSignalling implements Rule {

	@Override
	public String id() {
		return "SIP_PLAINTEXT_SIGNALLING";
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
			if (leg.signallingEncrypted() || leg.sipMessages == 0) {
				continue;
			}
			out.add(finding(severity(), "leg", leg.id, leg.sipFrames.frames(),
					"Call set-up messages between " + leg.a + " and " + leg.b + " travel unencrypted (" + leg.transport
							+ "), so anyone on the network path can read and alter them.",
					"Move this trunk to SIP over TLS 1.2 or newer (port 5061, transport=tls) on both sides.",
					leg.sipMessages + " SIP messages over " + leg.transport + ", " + leg.callIds.size() + " Call-IDs"));
		}
		return out;
	}

}
