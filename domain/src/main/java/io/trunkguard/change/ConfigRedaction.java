package io.trunkguard.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from a configuration excerpt before it is stored: private keys (PEM
 * blocks), SRTP master keys ({@code a=crypto:... inline:KEY}), passwords and shared
 * secrets ({@code password=}, {@code secret=}, {@code auth_password}, and XML
 * {@code name="password" value="..."} parameters), and bearer or basic credentials. What
 * was removed is listed, by kind and line, so the person uploading sees it.
 */
public final class ConfigRedaction {

	static final String MARK = "[REDACTED]";

	private static final String SECRET_KEYS = "(?:auth_password|auth_pass|password|passwd|secret|md5secret|"
			+ "remotesecret|ha1|ha1b|client_secret|api_key|apikey|private_key_password|tls_private_key_password)";

	private static final List<Rule> RULES = List.of(
			new Rule("private key",
					Pattern.compile(
							"(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[\\s\\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----)"),
					m -> m.group(1) + MARK + m.group(2)),
			new Rule("SRTP key", Pattern.compile("(?i)(a=crypto:\\s*\\d+\\s+\\S+\\s+inline:)([^|\\s]+)"),
					m -> m.group(1) + MARK),
			new Rule("password or secret",
					Pattern.compile("(?i)(name\\s*=\\s*[\"']" + SECRET_KEYS + "[\"']\\s+value\\s*=\\s*[\"'])([^\"']*)"),
					m -> m.group(1) + MARK),
			new Rule("password or secret",
					Pattern.compile("(?i)(\\b" + SECRET_KEYS + "\\b[\"']?\\s*(?:=>|=|:)\\s*[\"']?)([^\"'\\s;,#<>]+)"),
					m -> m.group(1) + MARK),
			new Rule("bearer or basic credential",
					Pattern.compile("(?i)(\\b(?:Bearer|Basic)\\s+)([A-Za-z0-9._~+/=-]{8,})"), m -> m.group(1) + MARK));

	private ConfigRedaction() {
	}

	/** What was removed: its kind and the line (1-based) it was on. */
	public record Redaction(String kind, int line) {
	}

	/** The excerpt with its secrets replaced by {@value #MARK}. */
	public record Redacted(String text, List<Redaction> redactions) {

		public Redacted {
			redactions = List.copyOf(redactions);
		}

		/**
		 * "Removed before storing: 2 passwords or secrets (lines 3, 7), 1 private key
		 * (line 12)." or "No secret was found."
		 */
		public String summary() {
			if (redactions.isEmpty()) {
				return "No secret was found.";
			}
			Map<String, List<Integer>> byKind = new LinkedHashMap<>();
			redactions.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.line()));
			List<String> parts = new ArrayList<>();
			byKind.forEach((kind,
					lines) -> parts.add(lines.size() + " " + (lines.size() == 1 ? kind : plural(kind))
							+ (lines.size() == 1 ? " (line " : " (lines ")
							+ String.join(", ", lines.stream().map(String::valueOf).toList()) + ")"));
			return "Removed before storing: " + String.join(", ", parts) + ".";
		}

	}

	static String plural(String kind) {
		return kind.equals("password or secret") ? "passwords or secrets"
				: kind.equals("bearer or basic credential") ? "bearer or basic credentials" : kind + "s";
	}

	public static Redacted redact(String text) {
		String current = text;
		List<Redaction> found = new ArrayList<>();
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(current);
			StringBuilder out = new StringBuilder(current.length());
			int last = 0;
			while (matcher.find()) {
				String replacement = rule.replacement().apply(matcher);
				if (replacement.equals(matcher.group())) {
					continue;
				}
				if (matcher.groupCount() >= 2 && matcher.group(2) != null && matcher.group(2).equals(MARK)) {
					continue; // already redacted
				}
				found.add(new Redaction(rule.kind(), lineOf(current, matcher.start())));
				out.append(current, last, matcher.start()).append(replacement);
				last = matcher.end();
			}
			out.append(current, last, current.length());
			current = out.toString();
		}
		found.sort(java.util.Comparator.comparingInt(Redaction::line));
		return new Redacted(current, found);
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private record Rule(String kind, Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
	}

}
