package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.SourceActivity;
import io.trunkguard.analyzer.correlate.SourceActivity.Event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Known scanner user agents, or OPTIONS sweeps across many targets. */
public final class SipScanner implements Rule {

	@Override
	public String id() {
		return "SIP_SCANNER";
	}

	@Override
	public Severity severity() {
		return Severity.MEDIUM;
	}

	@Override
	public String criterion() {
		return "CC7.2";
	}

	@Override
	public List<Finding> evaluate(RuleInput input, Options options) {
		List<Finding> out = new ArrayList<>();
		for (SourceActivity a : input.activity()) {
			for (Map.Entry<String, Long> ua : a.userAgents.entrySet()) {
				String lower = ua.getKey().toLowerCase(Locale.ROOT);
				String match = null;
				for (String s : options.scannerUserAgents()) {
					if (lower.contains(s.toLowerCase(Locale.ROOT))) {
						match = s;
						break;
					}
				}
				if (match != null) {
					out.add(finding(severity(), "source", a.source.toString(), List.of(ua.getValue()),
							a.source + " identifies itself as '" + ua.getKey()
									+ "', a tool used to search the internet for" + " SIP servers to attack.",
							"Block the source at the edge and make sure the SIP server does not reveal valid accounts.",
							"User-Agent matches scanner signature '" + match + "'; " + a.requests
									+ " requests from this source"));
					break;
				}
			}
			if (a.options.size() >= options.optionsSweepThreshold()) {
				List<Event> window = Windows.densest(a.options, options.optionsSweepWindow());
				Set<String> targets = new HashSet<>();
				for (Event e : window) {
					targets.add(e.detail());
				}
				if (targets.size() >= options.optionsSweepThreshold()) {
					out.add(finding(severity(), "source", a.source.toString(),
							Windows.frames(window.subList(0, Math.min(20, window.size()))),
							a.source + " probed " + targets.size()
									+ " different addresses or accounts with OPTIONS within "
									+ options.optionsSweepWindow().toSeconds()
									+ " seconds, which is how scanners map SIP servers.",
							"Block the source at the edge and rate-limit unauthenticated OPTIONS.",
							targets.size() + " distinct OPTIONS targets in " + options.optionsSweepWindow().toSeconds()
									+ " s"));
				}
			}
			if (a.registers.size() >= options.optionsSweepThreshold()) {
				List<Event> window = Windows.densest(a.registers, options.optionsSweepWindow());
				Set<String> accounts = new HashSet<>();
				for (Event e : window) {
					accounts.add(e.detail());
				}
				if (accounts.size() >= options.optionsSweepThreshold()) {
					out.add(finding(severity(), "source", a.source.toString(),
							Windows.frames(window.subList(0, Math.min(20, window.size()))),
							a.source + " tried to register " + accounts.size() + " different accounts within "
									+ options.optionsSweepWindow().toSeconds()
									+ " seconds, which is how scanners find valid extensions.",
							"Block the source at the edge and answer unknown accounts exactly like wrong passwords.",
							accounts.size() + " distinct REGISTER accounts in "
									+ options.optionsSweepWindow().toSeconds() + " s"));
				}
			}
		}
		return out;
	}

}
