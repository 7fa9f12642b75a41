package io.trunkguard.analyzer.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * UTF-8 straight into a byte buffer: the report's JSON is nearly all ASCII, and a
 * {@code BufferedWriter} over an {@code OutputStreamWriter} widens every string to UTF-16
 * chars and encodes them back (a tenth of the analysing thread's samples on the bench
 * capture's 10 MB report, in the single-threaded tail after the last packet). Unpaired
 * surrogates become {@code ?}, as the JDK's encoder writes them.
 */
final class Utf8Writer extends Writer {

	private final OutputStream out;

	private final byte[] buf = new byte[1 << 16];

	private int pos;

	/** A high surrogate waiting for its low half, or 0. */
	private char high;

	Utf8Writer(OutputStream out) {
		this.out = out;
	}

	@Override
	public void write(int c) throws IOException {
		if (c < 0x80 && high == 0) {
			if (pos == buf.length) {
				drain();
			}
			buf[pos++] = (byte) c;
			return;
		}
		encode((char) c);
	}

	@Override
	public void write(String s, int off, int len) throws IOException {
		int end = off + len;
		int i = off;
		while (i < end) {
			if (pos == buf.length) {
				drain();
			}
			int stop = Math.min(end, i + buf.length - pos);
			if (high == 0) {
				// ASCII run, as long as the buffer has room
				while (i < stop) {
					char c = s.charAt(i);
					if (c >= 0x80) {
						break;
					}
					buf[pos++] = (byte) c;
					i++;
				}
			}
			if (i < stop) {
				encode(s.charAt(i++));
			}
		}
	}

	/** Bytes this class encoded before (for a repeated part of the text), as they are. */
	void writeEncoded(byte[] bytes) throws IOException {
		if (high != 0) {
			high = 0;
			if (pos == buf.length) {
				drain();
			}
			buf[pos++] = '?';
		}
		if (bytes.length > buf.length - pos) {
			drain();
			if (bytes.length > buf.length) {
				out.write(bytes);
				return;
			}
		}
		System.arraycopy(bytes, 0, buf, pos, bytes.length);
		pos += bytes.length;
	}

	@Override
	public void write(char[] cbuf, int off, int len) throws IOException {
		for (int i = off; i < off + len; i++) {
			write(cbuf[i]);
		}
	}

	private void encode(char c) throws IOException {
		if (buf.length - pos < 4) {
			drain();
		}
		if (high != 0) {
			char h = high;
			high = 0;
			if (Character.isLowSurrogate(c)) {
				int cp = Character.toCodePoint(h, c);
				buf[pos++] = (byte) (0xF0 | cp >> 18);
				buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
				buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
				buf[pos++] = (byte) (0x80 | cp & 0x3F);
				return;
			}
			buf[pos++] = '?';
		}
		if (c < 0x80) {
			buf[pos++] = (byte) c;
		}
		else if (c < 0x800) {
			buf[pos++] = (byte) (0xC0 | c >> 6);
			buf[pos++] = (byte) (0x80 | c & 0x3F);
		}
		else if (Character.isHighSurrogate(c)) {
			high = c;
		}
		else if (Character.isLowSurrogate(c)) {
			buf[pos++] = '?';
		}
		else {
			buf[pos++] = (byte) (0xE0 | c >> 12);
			buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
			buf[pos++] = (byte) (0x80 | c & 0x3F);
		}
	}

	private void drain() throws IOException {
		out.write(buf, 0, pos);
		pos = 0;
	}

	@Override
	public void flush() throws IOException {
		if (high != 0) {
			high = 0;
			if (pos == buf.length) {
				drain();
			}
			buf[pos++] = '?';
		}
		drain();
		out.flush();
	}

	@Override
	public void close() throws IOException {
		flush();
	}

}
