package io.trunkguard.trace.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578, RFC 2046 section 5.1) as a stream,
 * part by part, through one large buffer: the delimiter ({@code CRLF--boundary}) is found
 * with a Boyer-Moore-Horspool search that skips about the delimiter's length per step,
 * and every byte is searched once, however the caller reads. A part's content is handed
 * out in pieces as large as the buffer, so a file goes to the disk in large writes and is
 * never held whole. Tomcat's parser, which this replaces for the capture upload, compared
 * byte by byte in 4 KB pieces and took longer than the command line's whole analysis of
 * the same capture (docs/performance.md).
 *
 * <p>
 * Anything malformed (no boundary, a part without a name, headers too long, a body that
 * ends before its closing delimiter) is a {@link MalformedMultipartException}, raised
 * while reading, so a half-sent file is never taken as a whole one.
 */
final class MultipartReader {

	/** The buffer a capture upload is read through. */
	static final int DEFAULT_BUFFER_BYTES = 1024 * 1024;

	/** The headers of one part, all lines together. */
	static final int MAX_HEADER_BYTES = 8 * 1024;

	/** RFC 2046 allows 70 characters; some clients send a little more. */
	private static final int MAX_BOUNDARY_LENGTH = 200;

	private final InputStream in;

	private final byte[] delimiter;

	private final int[] shift = new int[256];

	private final byte[] buffer;

	/** The unread bytes are {@code buffer[pos, limit)}. */
	private int pos;

	private int limit;

	/** No position before this one starts a delimiter (searched or skipped). */
	private int searchedFrom;

	/** Where the next delimiter starts, once found; -1 while not found. */
	private int delimiterAt = -1;

	private boolean endOfInput;

	private boolean finished;

	private PartContent open;

	/**
	 * @param boundary the boundary from the request's content type (without the leading
	 * {@code --})
	 */
	MultipartReader(InputStream in, String boundary, int bufferBytes) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.buffer = new byte[Math.max(bufferBytes, 2 * (MAX_HEADER_BYTES + delimiter.length))];
		int m = delimiter.length;
		Arrays.fill(shift, m);
		for (int k = 0; k < m - 1; k++) {
			shift[delimiter[k] & 0xff] = m - 1 - k;
		}
		// the body may open with "--boundary" without a line break before it: read it as
		// if
		// one were there, and the first delimiter is found like every other
		buffer[0] = '\r';
		buffer[1] = '\n';
		limit = 2;
	}

	/**
	 * The boundary named in a {@code multipart/form-data} content type.
	 * @throws MalformedMultipartException when the content type names none
	 */
	static String boundaryOf(String contentType) throws MalformedMultipartException {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			throw new MalformedMultipartException("the request is not a multipart/form-data upload");
		}
		for (String parameter : contentType.split(";")) {
			String p = parameter.strip();
			int eq = p.indexOf('=');
			if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("boundary")) {
				String value = p.substring(eq + 1).strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				if (value.isEmpty() || value.length() > MAX_BOUNDARY_LENGTH) {
					throw new MalformedMultipartException("the multipart boundary is empty or too long");
				}
				return value;
			}
		}
		throw new MalformedMultipartException("the multipart content type names no boundary");
	}

	/**
	 * The next part, its content ready to read; {@code null} after the closing delimiter.
	 * An unread rest of the previous part is skipped.
	 */
	Part next() throws IOException {
		if (open != null) {
			open.skipRest();
			open = null;
		}
		if (finished) {
			return null;
		}
		if (!skipToDelimiter()) {
			throw new MalformedMultipartException("the body has no multipart boundary");
		}
		pos += delimiter.length;
		forgetDelimiter();
		if (!ensure(2)) {
			throw new MalformedMultipartException("the body ends right after a boundary, without its closing --");
		}
		if (buffer[pos] == '-' && buffer[pos + 1] == '-') {
			finished = true; // the closing delimiter: the epilogue is not read
			return null;
		}
		// transport padding, then the line break ending the delimiter line
		while (ensure(1) && (buffer[pos] == ' ' || buffer[pos] == '\t')) {
			pos++;
		}
		if (!ensure(2) || buffer[pos] != '\r' || buffer[pos + 1] != '\n') {
			throw new MalformedMultipartException("a boundary line is not followed by a line break");
		}
		pos += 2;
		Part part = readHeaders();
		open = new PartContent();
		return new Part(part.name, part.fileName, part.contentType, open);
	}

	private Part readHeaders() throws IOException {
		String name = null;
		String fileName = null;
		String contentType = null;
		int headerBytes = 0;
		while (true) {
			int eol = lineEnd(MAX_HEADER_BYTES - headerBytes);
			String line = new String(buffer, pos, eol - pos, StandardCharsets.UTF_8);
			headerBytes += eol - pos + 2;
			pos = eol + 2;
			if (line.isEmpty()) {
				break;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new MalformedMultipartException("a part header line has no name: " + shorten(line));
			}
			String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			if (header.equals("content-disposition")) {
				if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
					throw new MalformedMultipartException("a part is not form-data: " + shorten(value));
				}
				name = parameter(value, "name");
				fileName = parameter(value, "filename");
			}
			else if (header.equals("content-type")) {
				contentType = value;
			}
		}
		if (name == null) {
			throw new MalformedMultipartException("a part has no Content-Disposition with a field name");
		}
		return new Part(name, fileName, contentType, null);
	}

	/** Where the line at {@code pos} ends (its CR), reading more as needed. */
	private int lineEnd(int maxBytes) throws IOException {
		while (true) {
			int end = Math.min(limit, pos + Math.max(maxBytes, 0) + 2);
			for (int i = pos; i + 1 < end; i++) {
				if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
					return i;
				}
			}
			if (limit - pos >= maxBytes + 2) {
				throw new MalformedMultipartException(
						"the headers of a part are longer than " + MAX_HEADER_BYTES + " bytes");
			}
			if (!fill()) {
				throw new MalformedMultipartException("the body ends inside the headers of a part");
			}
		}
	}

	/**
	 * A parameter of a header value, e.g. {@code name="file"}: quoted (with backslash
	 * escapes) or a token; {@code null} when absent.
	 */
	static String parameter(String headerValue, String parameter) {
		int i = 0;
		int n = headerValue.length();
		// skip the disposition type
		while (i < n && headerValue.charAt(i) != ';') {
			i++;
		}
		while (i < n) {
			i++; // the ';'
			while (i < n && Character.isWhitespace(headerValue.charAt(i))) {
				i++;
			}
			int nameStart = i;
			while (i < n && headerValue.charAt(i) != '=' && headerValue.charAt(i) != ';') {
				i++;
			}
			String key = headerValue.substring(nameStart, i).strip();
			String value = null;
			if (i < n && headerValue.charAt(i) == '=') {
				i++;
				while (i < n && Character.isWhitespace(headerValue.charAt(i))) {
					i++;
				}
				StringBuilder v = new StringBuilder();
				if (i < n && headerValue.charAt(i) == '"') {
					i++;
					while (i < n && headerValue.charAt(i) != '"') {
						char c = headerValue.charAt(i);
						if (c == '\\' && i + 1 < n) {
							c = headerValue.charAt(++i);
						}
						v.append(c);
						i++;
					}
					i++; // the closing quote
					while (i < n && headerValue.charAt(i) != ';') {
						i++;
					}
				}
				else {
					while (i < n && headerValue.charAt(i) != ';') {
						v.append(headerValue.charAt(i));
						i++;
					}
				}
				value = v.toString().strip();
			}
			if (key.equalsIgnoreCase(parameter)) {
				return value == null ? "" : value;
			}
		}
		return null;
	}

	/**
	 * Moves {@code pos} to the next delimiter, dropping what comes before it (a preamble
	 * or an unread part); false at the end of the input without one.
	 */
	private boolean skipToDelimiter() throws IOException {
		while (true) {
			int at = findDelimiter();
			if (at >= 0) {
				pos = at;
				return true;
			}
			pos = searchedFrom;
			if (!fill()) {
				return false;
			}
		}
	}

	/** The next delimiter's start in the buffer, or -1 when it is not (yet) there. */
	private int findDelimiter() {
		if (delimiterAt >= 0) {
			return delimiterAt;
		}
		byte[] b = buffer;
		byte[] d = delimiter;
		int m = d.length;
		int last = m - 1;
		byte lastByte = d[last];
		int i = Math.max(searchedFrom, pos);
		int end = limit - m;
		while (i <= end) {
			byte c = b[i + last];
			if (c == lastByte && matchesAt(i)) {
				delimiterAt = i;
				searchedFrom = i;
				return i;
			}
			i += shift[c & 0xff];
		}
		searchedFrom = i;
		return -1;
	}

	private boolean matchesAt(int i) {
		byte[] b = buffer;
		byte[] d = delimiter;
		for (int k = d.length - 2; k >= 0; k--) {
			if (b[i + k] != d[k]) {
				return false;
			}
		}
		return true;
	}

	private void forgetDelimiter() {
		delimiterAt = -1;
		searchedFrom = pos;
	}

	/**
	 * Whether at least {@code n} unread bytes are in the buffer, reading more as needed.
	 */
	private boolean ensure(int n) throws IOException {
		while (limit - pos < n) {
			if (!fill()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Moves the unread bytes to the buffer's start and reads until the buffer is full or
	 * the input ends; false when nothing more could be read.
	 */
	private boolean fill() throws IOException {
		if (endOfInput) {
			return false;
		}
		if (pos > 0) {
			int unread = limit - pos;
			System.arraycopy(buffer, pos, buffer, 0, unread);
			searchedFrom = Math.max(0, searchedFrom - pos);
			if (delimiterAt >= 0) {
				delimiterAt -= pos;
			}
			limit = unread;
			pos = 0;
		}
		int before = limit;
		while (limit < buffer.length) {
			int n = in.read(buffer, limit, buffer.length - limit);
			if (n < 0) {
				endOfInput = true;
				break;
			}
			limit += n;
		}
		return limit > before;
	}

	/**
	 * One part: its field name, the file name a browser or curl gave, and its content.
	 */
	record Part(String name, String fileName, String contentType, InputStream content) {

		boolean isFile() {
			return fileName != null;
		}

	}

	/** The content of the open part: up to (not including) the next delimiter. */
	private final class PartContent extends InputStream {

		private boolean ended;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (ended || open != this) {
				return -1;
			}
			if (len == 0) {
				return 0;
			}
			while (true) {
				int at = findDelimiter();
				int available = (at >= 0 ? at : searchedFrom) - pos;
				if (available > 0) {
					int n = Math.min(len, available);
					System.arraycopy(buffer, pos, b, off, n);
					pos += n;
					return n;
				}
				if (at >= 0) {
					ended = true; // the delimiter stays for next()
					return -1;
				}
				if (!fill()) {
					throw new MalformedMultipartException(
							"the body ended before the closing boundary of a part (an incomplete upload)");
				}
			}
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = 0;
			while (skipped < n) {
				int at = findDelimiter();
				int available = (at >= 0 ? at : searchedFrom) - pos;
				if (available > 0) {
					int step = (int) Math.min(n - skipped, available);
					pos += step;
					skipped += step;
				}
				else if (at >= 0) {
					ended = true;
					break;
				}
				else if (!fill()) {
					throw new MalformedMultipartException(
							"the body ended before the closing boundary of a part (an incomplete upload)");
				}
			}
			return skipped;
		}

		void skipRest() throws IOException {
			while (!ended) {
				skip(Long.MAX_VALUE);
			}
		}

		@Override
		public void close() {
			// the rest is skipped by the next call to next()
		}

	}

	private static String shorten(String text) {
		return text.length() > 80 ? text.substring(0, 80) + "…" : text;
	}

	/** The body is not a well-formed multipart form. */
	static final class MalformedMultipartException extends IOException {

		MalformedMultipartException(String message) {
			super(message);
		}

	}

}
