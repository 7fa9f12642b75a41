package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.MediaStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SDP negotiates DTLS-SRTP but no DTLS handshake with use_srtp appears on the media flow.
 */
public final class DtlsSrtpNotSeen implements Rule {

	@Override
	public String id() {
		return "DTLS_SRTP_NOT_SEEN";
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
		for (MediaStream s : input.allMedia()) {
			if (!s.negotiated() || s.answerProfile == null) {
				continue;
			}
			String p = s.profile().toUpperCase(Locale.ROOT);
			boolean dtls = p.startsWith("UDP/TLS/") || p.startsWith("UDP/DTLS/") || p.startsWith("TCP/TLS/");
			if (!dtls || s.answerEndpoint == null && s.offerEndpoint == null || s.dtlsHandshake && s.dtlsUseSrtp) {
				continue;
			}
			boolean mediaSeen = s.packets > 0;
			List<Long> frames = new ArrayList<>(s.sdpFrames.frames());
			frames.addAll(s.mediaFrames.frames());
			out.add(finding(mediaSeen ? severity() : Severity.LOW, "media", s.id, frames,
					"Call " + s.callId + " agreed to protect its " + s.mediaType
							+ " with DTLS-SRTP, but no DTLS key exchange"
							+ (mediaSeen ? " appears on the media that was captured"
									: " was captured (no media packets in the capture)")
							+ ", so the protection cannot be confirmed.",
					mediaSeen ? "Check that the endpoints complete the DTLS handshake (use_srtp) before sending media."
							: "Capture the media path as well as the signalling to verify DTLS-SRTP.",
					s.profile() + " negotiated; " + s.packets + " media packets, " + s.dtlsPackets + " DTLS packets"
							+ (s.dtlsHandshake ? ", handshake without use_srtp" : "")));
		}
		return out;
	}

}
