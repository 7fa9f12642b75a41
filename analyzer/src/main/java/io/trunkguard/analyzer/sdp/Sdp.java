package io.trunkguard.analyzer.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parsed session description. */
public record Sdp(String origin, String connection, List<Media> media, boolean fingerprint) {

	/** One m= section with its effective connection address. */
	public record Media(int index, String type, int port, String profile, List<String> formats, String connection,
			List<Crypto> crypto, String fingerprint, String setup, boolean rtcpMux, int rtcpPort, String direction) {

		/** SAVP, SAVPF or DTLS profiles promise encrypted media. */
		public boolean secureProfile() {
			return isSecure(profile);
		}

		public boolean dtlsProfile() {
			String p = profile.toUpperCase(Locale.ROOT);
			return p.startsWith("UDP/TLS/") || p.startsWith("TCP/TLS/") || p.startsWith("UDP/DTLS/");
		}

		public boolean rtpProfile() {
			return profile.toUpperCase(Locale.ROOT).contains("RTP/");
		}
	}

	/** a=crypto: tag, suite, key parameters (inline keys) and session parameters. */
	public record Crypto(int tag, String suite, boolean inlineKey, List<String> sessionParams) {
	}

	public static boolean isSecure(String profile) {
		String p = profile == null ? "" : profile.toUpperCase(Locale.ROOT);
		return p.contains("SAVP");
	}

	/** Parses SDP text; unknown or damaged lines are skipped, never thrown on. */
	public static Sdp parse(String text) {
		String origin = null;
		String sessionConn = null;
		boolean sessionFingerprint = false;
		String sessionFp = null;
		String sessionSetup = null;
		String sessionDirection = "sendrecv";
		List<Builder> media = new ArrayList<>();
		Builder cur = null;
		// Lines as SipParser.lines splits them (at LF, a CR before it dropped), each
		// trimmed, walked by
		// index: strings are made only for the lines and attributes that are used.
		int n = text.length();
		int next = 0;
		while (next < n) {
			int nl = text.indexOf('\n', next);
			int lineEnd = nl < 0 ? n : nl;
			int ls = next;
			next = nl < 0 ? n : nl + 1;
			int le = lineEnd > ls && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
			while (ls < le && text.charAt(ls) <= ' ') {
				ls++;
			}
			while (le > ls && text.charAt(le - 1) <= ' ') {
				le--;
			}
			if (le - ls < 2 || text.charAt(ls + 1) != '=') {
				continue;
			}
			char k = text.charAt(ls);
			int vs = ls + 2;
			while (vs < le && text.charAt(vs) <= ' ') {
				vs++;
			}
			switch (k) {
				case 'o' -> origin = text.substring(vs, le);
				case 'c' -> {
					String addr = connectionAddress(text.substring(vs, le));
					if (cur == null) {
						sessionConn = addr;
					}
					else {
						cur.connection = addr;
					}
				}
				case 'm' -> {
					String[] p = splitWhitespace(text.substring(vs, le));
					cur = new Builder();
					cur.index = media.size();
					cur.type = p[0];
					if (p.length > 1) {
						String port = p[1];
						int slash = port.indexOf('/');
						cur.port = parseInt(slash >= 0 ? port.substring(0, slash) : port);
					}
					cur.profile = p.length > 2 ? p[2] : "";
					for (int i = 3; i < p.length; i++) {
						cur.formats.add(p[i]);
					}
					media.add(cur);
				}
				case 'a' -> {
					int colon = text.indexOf(':', vs);
					if (colon >= le) {
						colon = -1;
					}
					String name = attributeName(text, vs, colon < 0 ? le : colon);
					String value = "";
					if (colon >= 0 && !name.isEmpty()) {
						int as = colon + 1;
						while (as < le && text.charAt(as) <= ' ') {
							as++;
						}
						value = text.substring(as, le);
					}
					switch (name) {
						case "crypto" -> {
							if (cur != null) {
								Crypto c = crypto(value);
								if (c != null) {
									cur.crypto.add(c);
								}
							}
						}
						case "fingerprint" -> {
							if (cur == null) {
								sessionFingerprint = true;
								sessionFp = value;
							}
							else {
								cur.fingerprint = value;
							}
						}
						case "setup" -> {
							if (cur == null) {
								sessionSetup = value;
							}
							else {
								cur.setup = value;
							}
						}
						case "rtcp-mux" -> {
							if (cur != null) {
								cur.rtcpMux = true;
							}
						}
						case "rtcp" -> {
							if (cur != null) {
								String[] p = splitWhitespace(value);
								cur.rtcpPort = parseInt(p[0]);
							}
						}
						case "sendrecv", "sendonly", "recvonly", "inactive" -> {
							if (cur == null) {
								sessionDirection = name;
							}
							else {
								cur.direction = name;
							}
						}
						default -> {
						}
					}
				}
				default -> {
				}
			}
		}
		List<Media> out = new ArrayList<>();
		boolean anyFp = sessionFingerprint;
		for (Builder b : media) {
			String fp = b.fingerprint != null ? b.fingerprint : sessionFp;
			anyFp |= fp != null;
			out.add(new Media(b.index, b.type, b.port, b.profile, List.copyOf(b.formats),
					b.connection != null ? b.connection : sessionConn, List.copyOf(b.crypto), fp,
					b.setup != null ? b.setup : sessionSetup, b.rtcpMux, b.rtcpPort,
					b.direction != null ? b.direction : sessionDirection));
		}
		return new Sdp(origin, sessionConn, List.copyOf(out), anyFp);
	}

	private static final String[] ATTRIBUTES = { "crypto", "fingerprint", "setup", "rtcp-mux", "rtcp", "sendrecv",
			"sendonly", "recvonly", "inactive" };

	/**
	 * The attribute name in {@code text[s, e)} lower-cased when it is one this parser
	 * reads, else "". ASCII case folding gives the same answer as
	 * {@code toLowerCase(Locale.ROOT).equals} for these names (no other character
	 * lower-cases to a single ASCII letter in them).
	 */
	private static String attributeName(String text, int s, int e) {
		int n = e - s;
		outer: for (String a : ATTRIBUTES) {
			if (a.length() != n) {
				continue;
			}
			for (int i = 0; i < n; i++) {
				char c = text.charAt(s + i);
				if (c >= 'A' && c <= 'Z') {
					c += 32;
				}
				if (c != a.charAt(i)) {
					continue outer;
				}
			}
			return a;
		}
		return "";
	}

	private static final class Builder {

		int index;

		String type = "";

		int port;

		String profile = "";

		final List<String> formats = new ArrayList<>();

		String connection;

		final List<Crypto> crypto = new ArrayList<>();

		String fingerprint;

		String setup;

		boolean rtcpMux;

		int rtcpPort = -1;

		String direction;

	}

	private static String connectionAddress(String v) {
		String[] p = splitWhitespace(v);
		if (p.length < 3) {
			return null;
		}
		String a = p[2];
		int slash = a.indexOf('/');
		return slash >= 0 ? a.substring(0, slash) : a;
	}

	static Crypto crypto(String value) {
		String[] p = splitWhitespace(value);
		if (p.length < 2) {
			return null;
		}
		int tag = parseInt(p[0]);
		String suite = p[1];
		boolean inline = p.length > 2 && p[2].toLowerCase(Locale.ROOT).contains("inline:");
		List<String> params = new ArrayList<>();
		for (int i = 3; i < p.length; i++) {
			params.add(p[i]);
		}
		return new Crypto(tag, suite, inline, List.copyOf(params));
	}

	/**
	 * Splits at runs of whitespace ({@code [ \t\n\x0B\f\r]}) exactly as
	 * {@code Pattern.compile("\\s+").split(s)} does (a leading empty part when {@code s}
	 * starts with whitespace, trailing empty parts dropped), without a regular expression
	 * on the hot path.
	 */
	static String[] splitWhitespace(String s) {
		int n = s.length();
		String[] out = null;
		int count = 0;
		int start = 0;
		int i = 0;
		while (i < n) {
			if (isWhitespace(s.charAt(i))) {
				int j = i + 1;
				while (j < n && isWhitespace(s.charAt(j))) {
					j++;
				}
				if (out == null) {
					out = new String[8];
				}
				else if (count + 1 >= out.length) {
					out = java.util.Arrays.copyOf(out, out.length * 2);
				}
				out[count++] = s.substring(start, i);
				start = j;
				i = j;
			}
			else {
				i++;
			}
		}
		if (out == null) {
			return new String[] { s };
		}
		out[count++] = s.substring(start);
		while (count > 0 && out[count - 1].isEmpty()) {
			count--;
		}
		return java.util.Arrays.copyOf(out, count);
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
	}

	private static int parseInt(String s) {
		try {
			return Integer.parseInt(s.trim());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
