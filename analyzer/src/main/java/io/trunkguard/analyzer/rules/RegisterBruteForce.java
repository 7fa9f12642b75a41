package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.SourceActivity;
import io.trunkguard.analyzer.correlate.SourceActivity.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * 401/403/407 REGISTER failures from one source above a threshold in a window; critical
 * when followed by success.
 */
public final class RegisterBruteForce implements Rule {

	@Override
	public String id() {
		return "REGISTER_BRUTE_FORCE";
	}

	@Override
	public Severity severity() {
		return Severity.HIGH;
	}

	@Override
	public String criterion() {
		return "CC7.2";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		for (SourceActivity a : input.activity()) {
			if (a.registerFailures.size() < options.bruteForceThreshold()) {
				continue;
			}
			List<Event> window = Windows.densest(a.registerFailures, options.bruteForceWindow());
			if (window.size() < options.bruteForceThreshold()) {
				continue;
			}
			long lastFailure = window.get(window.size() - 1).timestampNanos();
			Event success = null;
			for (Event e : a.registerSuccesses) {
				if (e.timestampNanos() >= lastFailure
						&& (success == null || e.timestampNanos() < success.timestampNanos())) {
					success = e;
				}
			}
			List<Long> frames = Windows.frames(window.size() > 20 ? window.subList(0, 20) : window);
			if (success != null) {
				frames.add(success.frame());
			}
			out.add(finding(success != null ? Severity.CRITICAL : severity(), "source", a.source.toString(), frames,
					a.source + " failed to register " + window.size() + " times within "
							+ options.bruteForceWindow().toSeconds() + " seconds, which looks like password guessing"
							+ (success != null ? ", and then succeeded: an account is probably compromised." : "."),
					success != null
							? "Change the password of the account that registered, block the source, and review its calls."
							: "Block or rate-limit the source (fail2ban/pike) and make sure SIP passwords are long and random.",
					window.size() + " failures (" + a.registerFailures.size() + " in total) in "
							+ options.bruteForceWindow().toSeconds() + " s"
							+ (success != null ? "; success in frame " + success.frame() : "")));
		}
		return out;
	}

}
