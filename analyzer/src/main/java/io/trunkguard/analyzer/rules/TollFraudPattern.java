package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.SourceActivity;
import io.trunkguard.analyzer.correlate.SourceActivity.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * INVITE bursts from one source to international or premium-rate prefixes above a
 * threshold.
 */
public final class TollFraudPattern implements Rule {

	@Override
	public String id() {
		return "TOLL_FRAUD_PATTERN";
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
			List<Event> costly = new ArrayList<>();
			int premium = 0;
			for (Event e : a.invites) {
				String user = e.detail();
				if (matches(user, options.premiumPrefixes())) {
					costly.add(e);
					premium++;
				}
				else if (matches(user, options.internationalPrefixes())) {
					costly.add(e);
				}
			}
			if (costly.size() < options.tollFraudThreshold()) {
				continue;
			}
			List<Event> window = Windows.densest(costly, options.tollFraudWindow());
			if (window.size() < options.tollFraudThreshold()) {
				continue;
			}
			List<String> numbers = new ArrayList<>();
			for (Event e : window) {
				if (numbers.size() < 5 && !numbers.contains(e.detail())) {
					numbers.add(e.detail());
				}
			}
			out.add(finding(premium > 0 ? Severity.CRITICAL : severity(), "source", a.source.toString(),
					Windows.frames(window.subList(0, Math.min(20, window.size()))),
					a.source + " tried " + window.size() + " calls to international"
							+ (premium > 0 ? " and premium-rate" : "") + " numbers within "
							+ options.tollFraudWindow().toSeconds() + " seconds, a typical toll-fraud pattern"
							+ " that runs up large phone bills.",
					"Block the source, restrict international and premium destinations for this account, and set spending limits with the carrier.",
					window.size() + " INVITEs in " + options.tollFraudWindow().toSeconds() + " s to e.g. " + numbers));
		}
		return out;
	}

	static boolean matches(String user, List<String> prefixes) {
		if (user == null || user.isEmpty()) {
			return false;
		}
		String u = user.replace("%2B", "+").replace("%2b", "+");
		for (String p : prefixes) {
			if (u.startsWith(p) && u.length() > p.length() + 3
					&& u.substring(p.length()).chars().allMatch(Character::isDigit)) {
				return true;
			}
		}
		return false;
	}

}
