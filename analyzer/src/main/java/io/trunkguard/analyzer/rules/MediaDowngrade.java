package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.MediaStream;

import java.util.ArrayList;
import java.util.List;

/** An offer with SAVP/SAVPF answered with AVP. */
public final class MediaDowngrade implements Rule {

	@Override
	public String id() {
		return "MEDIA_DOWNGRADE";
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
			if (s.downgradeFrame == 0) {
				continue;
			}
			List<Long> frames = new ArrayList<>(s.sdpFrames.frames());
			out.add(finding(severity(), "media", s.id, frames,
					"Call " + s.callId + " offered encrypted " + s.mediaType + " but the other side answered with"
							+ " unencrypted media, and the call went ahead without encryption.",
					"Configure both sides to require SRTP (reject the call rather than fall back to RTP/AVP).",
					"offer " + s.offerProfile + ", answer " + s.answerProfile + " in frame " + s.downgradeFrame));
		}
		return out;
	}

}
