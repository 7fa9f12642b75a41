package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Dialog;

import java.util.ArrayList;
import java.util.List;

/**
 * An INVITE from outside the internal networks accepted (2xx) without any authentication
 * challenge.
 */
public final class UnauthenticatedCall implements Rule {

	@Override
	public String id() {
		return "UNAUTHENTICATED_CALL";
	}

	@Override
	public Severity severity() {
		return Severity.MEDIUM;
	}

	@Override
	public String criterion() {
		return "CC6.1";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		for (Dialog d : input.dialogs()) {
			if (d.inviteFrame == 0 || d.acceptedFrame == 0 || d.challengeFrame != 0 || d.inviteAuthorized
					|| d.initialSource == null) {
				continue;
			}
			boolean internal = false;
			for (String cidr : options.internalNetworks()) {
				internal |= d.initialSource.ip().in(cidr);
			}
			if (internal) {
				continue;
			}
			out.add(finding(severity(), "dialog", d.callId, List.of(d.inviteFrame, d.acceptedFrame),
					"A call from " + d.initialSource + " to " + d.to
							+ " was accepted without the caller ever being asked" + " to prove who it is.",
					"Challenge INVITEs from outside trusted networks (digest authentication or an IP allow-list per trunk),"
							+ " or declare the source's network internal in Trunkguard.",
					"INVITE in frame " + d.inviteFrame + " answered 2xx in frame " + d.acceptedFrame
							+ " with no 401/407 challenge and no Authorization header"));
		}
		return out;
	}

}
