package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.correlate.Verdicts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RTP/AVP(F) negotiated and RTP packets seen; or, where the SDP is invisible, RTP whose
 * payload is recognisably audio rather than ciphertext.
 */
public final class MediaPlainRtp implements Rule {

	@Override
	public String id() {
		return "MEDIA_PLAIN_RTP";
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
			if (s.rtpPackets == 0) {
				continue;
			}
			String where = s.leg != null ? "leg " + s.leg.id : "flow " + s.flowEndpoints;
			if (s.negotiated()) {
				String p = s.profile().toUpperCase(Locale.ROOT);
				if (!p.equals("RTP/AVP") && !p.equals("RTP/AVPF")) {
					continue;
				}
				out.add(finding(severity(), "media", s.id, s.mediaFrames.frames(),
						"The " + s.mediaType + " of call " + s.callId + " (" + where
								+ ") is sent as plain RTP: anyone on the"
								+ " network path can listen to the conversation.",
						"Negotiate SRTP (RTP/SAVP with SDES over TLS signalling, or DTLS-SRTP) and refuse RTP/AVP offers.",
						s.profile() + " negotiated in frames " + s.sdpFrames.frames() + ", " + s.rtpPackets
								+ " RTP packets"));
			}
			else {
				Verdicts.MediaJudgement j = Verdicts.judge(s, s.leg);
				if (j.protection() != Verdicts.MediaProtection.UNPROTECTED) {
					continue;
				}
				out.add(finding(severity(), "media", s.id, s.mediaFrames.frames(),
						"Media between " + s.flowEndpoints + " (" + where
								+ ") is plain RTP audio even though its set-up is not"
								+ " visible: anyone on the network path can listen to it.",
						"Require SRTP on this trunk; plain RTP must not follow encrypted signalling.", j.evidence()));
			}
		}
		return out;
	}

}
