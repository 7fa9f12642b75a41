package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.sdp.Sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * a=crypto keys carried over unencrypted signalling: the SRTP is as good as unencrypted.
 */
public final class SdesKeysExposed implements Rule {

	@Override
	public String id() {
		return "SDES_KEYS_EXPOSED";
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
		for (MediaStream s : input.allMedia()) {
			if (!s.sdpOverPlainSignalling) {
				continue;
			}
			List<Sdp.Crypto> keys = new ArrayList<>();
			for (Sdp.Crypto c : s.crypto()) {
				if (c.inlineKey()) {
					keys.add(c);
				}
			}
			if (keys.isEmpty()) {
				continue;
			}
			out.add(finding(severity(), "media", s.id, s.sdpFrames.frames(),
					"The encryption keys for the " + s.mediaType + " of call " + s.callId + " were sent in readable"
							+ " signalling, so anyone who captured the traffic can decrypt the conversation.",
					"Carry SDES (a=crypto) only over TLS-protected signalling, or switch the media to DTLS-SRTP.",
					keys.size() + " a=crypto line(s) (" + keys.get(0).suite() + ") over "
							+ (s.leg == null ? "plain signalling" : s.leg.transport + " on leg " + s.leg.id)));
		}
		return out;
	}

}
