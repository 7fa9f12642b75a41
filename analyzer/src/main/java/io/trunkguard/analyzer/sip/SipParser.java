package io.trunkguard.analyzer.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises and parses SIP messages from bytes, in place until a message is accepted.
 */
public final class SipParser {

	/** Longest header section accepted; beyond it the bytes are not SIP. */
	public static final int MAX_HEADER = 64 * 1024;

	public static final int MAX_BODY = 1024 * 1024;

	private static final byte[] SIP20 = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);

	private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

	private SipParser() {
	}

	/**
	 * Cheap content test: a status line ("SIP/2.0 200 ...") or a request line ("METHOD
	 * uri SIP/2.0") at {@code off}. Does not need the whole message.
	 */
	public static boolean looksLikeSip(byte[] b, int off, int len) {
		if (len < 12) {
			return false;
		}
		int c = b[off];
		if (c < 'A' || c > 'Z') {
			return false;
		}
		if (startsWith(b, off, len, SIP20)) {
			return b[off + 7] == ' ' && b[off + 8] >= '1' && b[off + 8] <= '6';
		}
		int i = off;
		int end = off + Math.min(len, 2048);
		while (i < end && ((b[i] >= 'A' && b[i] <= 'Z') || b[i] == '-' || b[i] == '_')) {
			i++;
		}
		if (i == off || i >= end || b[i] != ' ' || i - off > 20) {
			return false;
		}
		// request line must end with " SIP/2.0" before CRLF
		int eol = i;
		while (eol < end && b[eol] != '\r' && b[eol] != '\n') {
			eol++;
		}
		return eol < end && eol - 8 > i && b[eol - 8] == ' ' && startsWith(b, eol - 7, 7, SIP20);
	}

	private static boolean startsWith(byte[] b, int off, int len, byte[] prefix) {
		if (len < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (b[off + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Index just past the blank line ending the header section, or -1 if not (yet)
	 * present.
	 */
	public static int headerEnd(byte[] b, int off, int len) {
		int end = off + Math.min(len, MAX_HEADER);
		for (int i = indexOfLf(b, off, end - 1); i >= 0; i = indexOfLf(b, i + 1, end - 1)) {
			if (b[i + 1] == '\n') {
				return i + 2;
			}
			if (b[i + 1] == '\r' && i + 2 < end && b[i + 2] == '\n') {
				return i + 3;
			}
		}
		return -1;
	}

	private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
		.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

	/**
	 * Index of the first line feed in {@code b[from, to)}, or -1. Tests eight bytes at a
	 * time (the lowest byte flagged by the zero-byte test is exact), as headers are
	 * scanned for every message.
	 */
	static int indexOfLf(byte[] b, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
			long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
			if (t != 0) {
				return i + (Long.numberOfTrailingZeros(t) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (b[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Parses a complete message in a datagram or a framed stream chunk: headers up to the
	 * blank line, the body up to Content-Length (or to {@code len} when absent). Returns
	 * null if the bytes are not a SIP message.
	 */
	public static SipMessage parse(byte[] b, int off, int len) {
		if (!looksLikeSip(b, off, len)) {
			return null;
		}
		int hEnd = headerEnd(b, off, len);
		int headerLen = hEnd < 0 ? len : hEnd - off;
		SipMessage m = parseHead(b, off, headerLen);
		if (m == null) {
			return null;
		}
		if (hEnd >= 0) {
			int available = off + len - hEnd;
			int bodyLen = m.contentLength >= 0 ? Math.min(m.contentLength, available) : available;
			bodyLen = Math.max(0, Math.min(bodyLen, MAX_BODY));
			m.body = new byte[bodyLen];
			System.arraycopy(b, hEnd, m.body, 0, bodyLen);
		}
		return m;
	}

	private static final String[] KNOWN = { "call-id", "i", "from", "f", "to", "t", "cseq", "user-agent", "server",
			"content-type", "c", "content-length", "l", "authorization", "proxy-authorization", "via", "v", "contact",
			"m" };

	/**
	 * Parses a header section in place: only the headers the analyzer uses become
	 * strings. Folded (continuation) lines are rare and take the string path.
	 */
	public static SipMessage parseHead(byte[] b, int off, int len) {
		int end = off + len;
		int eol = indexOfLf(b, off, end);
		if (eol < 0) {
			eol = end;
		}
		// Folded (continuation) lines take the string path. They are looked for while the
		// lines are
		// walked below (a line starting with SP/HT), and after the blank line, so the
		// bytes are scanned once.
		int startEnd = eol > off && b[eol - 1] == '\r' ? eol - 1 : eol;
		SipMessage m = startLine(new String(b, off, startEnd - off, StandardCharsets.ISO_8859_1));
		if (m == null) {
			return folded(b, eol + 1, end) ? parseHead(new String(b, off, len, StandardCharsets.ISO_8859_1)) : null;
		}
		int p = eol + 1;
		while (p < end) {
			if (b[p] == ' ' || b[p] == '\t') {
				return parseHead(new String(b, off, len, StandardCharsets.ISO_8859_1));
			}
			int e = indexOfLf(b, p, end);
			if (e < 0) {
				e = end;
			}
			int le = e > p && b[e - 1] == '\r' ? e - 1 : e;
			if (le == p) {
				if (folded(b, e + 1, end)) {
					return parseHead(new String(b, off, len, StandardCharsets.ISO_8859_1));
				}
				break; // blank line: end of headers
			}
			int colon = p;
			while (colon < le && b[colon] != ':') {
				colon++;
			}
			if (colon < le) {
				int ne = colon;
				while (ne > p && (b[ne - 1] == ' ' || b[ne - 1] == '\t')) {
					ne--;
				}
				String known = known(b, p, ne);
				if (known != null && (m.via == null || !(known.equals("via") || known.equals("v")))
						&& (m.contact == null || !(known.equals("contact") || known.equals("m")))) {
					int vs = colon + 1;
					int ve = le;
					while (vs < ve && (b[vs] == ' ' || b[vs] == '\t')) {
						vs++;
					}
					while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) {
						ve--;
					}
					header(m, known, new String(b, vs, ve - vs, StandardCharsets.ISO_8859_1));
				}
			}
			p = e + 1;
		}
		if (m.callId == null || m.cseqMethod == null) {
			return null;
		}
		return m;
	}

	/**
	 * Whether a line in {@code [from, end)} (after a line feed; {@code from} follows one)
	 * starts with SP or HT.
	 */
	private static boolean folded(byte[] b, int from, int end) {
		for (int i = from; i < end; i++) {
			if (b[i - 1] == '\n' && (b[i] == ' ' || b[i] == '\t')) {
				return true;
			}
		}
		return false;
	}

	private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

	static {
		for (int i = 0; i < KNOWN.length; i++) {
			KNOWN_BYTES[i] = KNOWN[i].getBytes(StandardCharsets.US_ASCII);
		}
	}

	private static String known(byte[] b, int s, int e) {
		int n = e - s;
		if (n <= 0) {
			return null;
		}
		int first = b[s];
		if (first >= 'A' && first <= 'Z') {
			first += 32;
		}
		outer: for (int k = 0; k < KNOWN_BYTES.length; k++) {
			byte[] name = KNOWN_BYTES[k];
			if (name.length != n || name[0] != first) {
				continue;
			}
			for (int i = 1; i < n; i++) {
				int c = b[s + i];
				if (c >= 'A' && c <= 'Z') {
					c += 32;
				}
				if (c != name[i]) {
					continue outer;
				}
			}
			return KNOWN[k];
		}
		return null;
	}

	private static SipMessage startLine(String start) {
		SipMessage m = new SipMessage();
		if (start.startsWith("SIP/2.0 ")) {
			m.request = false;
			String rest = start.substring(8);
			int sp = rest.indexOf(' ');
			String code = sp < 0 ? rest : rest.substring(0, sp);
			try {
				m.status = Integer.parseInt(code.trim());
			}
			catch (NumberFormatException e) {
				return null;
			}
			if (m.status < 100 || m.status > 699) {
				return null;
			}
			m.reason = sp < 0 ? "" : rest.substring(sp + 1).trim();
		}
		else {
			int a = start.indexOf(' ');
			int z = start.lastIndexOf(' ');
			if (a <= 0 || z <= a || !start.substring(z + 1).equals("SIP/2.0")) {
				return null;
			}
			m.request = true;
			m.method = start.substring(0, a);
			m.requestUri = start.substring(a + 1, z).trim();
		}
		return m;
	}

	/** Parses a header section (start line + headers) without the body. */
	public static SipMessage parseHead(String head) {
		java.util.List<String> lines = lines(head);
		if (lines.isEmpty()) {
			return null;
		}
		SipMessage m = new SipMessage();
		String start = lines.get(0);
		if (start.startsWith("SIP/2.0 ")) {
			m.request = false;
			String rest = start.substring(8);
			int sp = rest.indexOf(' ');
			String code = sp < 0 ? rest : rest.substring(0, sp);
			try {
				m.status = Integer.parseInt(code.trim());
			}
			catch (NumberFormatException e) {
				return null;
			}
			if (m.status < 100 || m.status > 699) {
				return null;
			}
			m.reason = sp < 0 ? "" : rest.substring(sp + 1).trim();
		}
		else {
			String[] parts = start.split(" ");
			if (parts.length < 3 || !parts[parts.length - 1].equals("SIP/2.0")) {
				return null;
			}
			m.request = true;
			m.method = parts[0];
			m.requestUri = parts[1];
		}
		String current = null;
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isEmpty()) {
				break;
			}
			if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
				current = current + " " + line.trim();
				continue;
			}
			if (current != null) {
				header(m, current);
			}
			current = line;
		}
		if (current != null) {
			header(m, current);
		}
		if (m.callId == null || m.cseqMethod == null) {
			return null;
		}
		return m;
	}

	private static void header(SipMessage m, String line) {
		int colon = line.indexOf(':');
		if (colon <= 0) {
			return;
		}
		header(m, line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
	}

	private static void header(SipMessage m, String name, String value) {
		switch (name) {
			case "call-id", "i" -> m.callId = value;
			case "from", "f" -> {
				m.from = value;
				m.fromTag = param(value, "tag");
			}
			case "to", "t" -> {
				m.to = value;
				m.toTag = param(value, "tag");
			}
			case "cseq" -> {
				int sp = 0;
				while (sp < value.length() && !Character.isWhitespace(value.charAt(sp))) {
					sp++;
				}
				String method = value.substring(sp).trim();
				if (sp > 0 && !method.isEmpty()) {
					try {
						m.cseq = Long.parseLong(value.substring(0, sp));
					}
					catch (NumberFormatException e) {
						m.cseq = -1;
					}
					m.cseqMethod = method.toUpperCase(Locale.ROOT);
				}
			}
			case "user-agent" -> m.userAgent = value;
			case "server" -> m.server = value;
			case "content-type", "c" -> m.contentType = value;
			case "content-length", "l" -> {
				try {
					m.contentLength = Integer.parseInt(value);
				}
				catch (NumberFormatException e) {
					m.contentLength = -1;
				}
			}
			case "authorization" -> m.authorization = true;
			case "proxy-authorization" -> m.proxyAuthorization = true;
			case "via", "v" -> {
				if (m.via == null) {
					m.via = value;
				}
			}
			case "contact", "m" -> {
				if (m.contact == null) {
					m.contact = value;
				}
			}
			default -> {
			}
		}
	}

	/** Splits text into lines at LF, dropping a CR before it; no regular expression. */
	public static java.util.List<String> lines(String text) {
		java.util.List<String> out = new java.util.ArrayList<>(16);
		int start = 0;
		int n = text.length();
		while (start < n) {
			int nl = text.indexOf('\n', start);
			int end = nl < 0 ? n : nl;
			int e = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
			out.add(text.substring(start, e));
			if (nl < 0) {
				break;
			}
			start = nl + 1;
		}
		return out;
	}

	static String param(String value, String name) {
		int gt = value.lastIndexOf('>');
		int from = Math.max(gt, 0);
		int n = name.length();
		for (int i = value.indexOf(';', from); i >= 0; i = value.indexOf(';', i + 1)) {
			int s = i + 1;
			while (s < value.length() && value.charAt(s) == ' ') {
				s++;
			}
			if (value.regionMatches(true, s, name, 0, n) && s + n < value.length() && value.charAt(s + n) == '=') {
				int b = s + n + 1;
				int e = b;
				while (e < value.length() && value.charAt(e) != ';' && value.charAt(e) != ' '
						&& value.charAt(e) != ',') {
					e++;
				}
				return value.substring(b, e);
			}
		}
		return null;
	}

}
