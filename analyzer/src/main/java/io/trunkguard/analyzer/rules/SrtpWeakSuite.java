package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.sdp.Sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NULL cipher SRTP suites or UNENCRYPTED_SRTP / UNAUTHENTICATED_SRTP session parameters.
 */
public final class SrtpWeakSuite implements Rule {

	@Override
	public String id() {
		return "SRTP_WEAK_SUITE";
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
			List<String> problems = new ArrayList<>();
			for (Sdp.Crypto c : s.crypto()) {
				String suite = c.suite().toUpperCase(Locale.ROOT);
				if (suite.startsWith("NULL") || suite.contains("_NULL_")) {
					problems.add("suite " + c.suite());
				}
				for (String p : c.sessionParams()) {
					String u = p.toUpperCase(Locale.ROOT);
					if (u.equals("UNENCRYPTED_SRTP") || u.equals("UNAUTHENTICATED_SRTP")
							|| u.equals("UNENCRYPTED_SRTCP")) {
						problems.add("session parameter " + p);
					}
				}
			}
			if (s.dtlsSrtpProfile != null && s.dtlsSrtpProfile.toUpperCase(Locale.ROOT).contains("NULL")) {
				problems.add("DTLS-SRTP profile " + s.dtlsSrtpProfile);
			}
			if (problems.isEmpty()) {
				continue;
			}
			List<Long> frames = new ArrayList<>(s.sdpFrames.frames());
			if (s.dtlsHandshakeFrame > 0) {
				frames.add(s.dtlsHandshakeFrame);
			}
			out.add(finding(severity(), "media", s.id, frames,
					"The " + s.mediaType + " of call " + s.callId
							+ " is set up as 'secure' media with settings that switch"
							+ " encryption or authentication off, so it is not actually protected.",
					"Remove NULL suites and UNENCRYPTED_/UNAUTHENTICATED_ session parameters; use AES_CM_128_HMAC_SHA1_80 or AEAD_AES_128_GCM.",
					String.join(", ", problems)));
		}
		return out;
	}

}
