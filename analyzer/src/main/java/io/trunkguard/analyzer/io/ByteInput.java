package io.trunkguard.analyzer.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * A growable read buffer over an input stream that lets readers frame records in place.
 * Read errors of the underlying stream (for example a corrupt gzip member) are
 * remembered, not thrown.
 */
final class ByteInput {

	private final InputStream in;

	byte[] buf;

	/** Start of unread data in {@link #buf}. */
	int pos;

	/** End of valid data in {@link #buf}. */
	int limit;

	/** Stream offset of {@code buf[0]}. */
	private long base;

	private boolean eof;

	private IOException error;

	/**
	 * Set when the stream is the reader thread's: its chunk arrays are framed in place,
	 * not copied.
	 */
	private final PrefetchingInput chunks;

	/**
	 * Whether {@link #buf} is a chunk array to give back to the reader thread when done
	 * with it.
	 */
	private boolean bufIsChunk;

	ByteInput(InputStream in, int initialSize) {
		this.in = in;
		this.chunks = in instanceof PrefetchingInput p ? p : null;
		this.buf = new byte[chunks != null ? 0 : initialSize];
	}

	/** Stream offset of the next unread byte. */
	long offset() {
		return base + pos;
	}

	int available() {
		return limit - pos;
	}

	/**
	 * Tries to make {@code n} bytes available at {@link #pos}; returns how many are (may
	 * be fewer at end of stream).
	 */
	int ensure(int n) {
		if (limit - pos >= n) {
			return n;
		}
		if (chunks != null) {
			return ensureFromChunks(n);
		}
		if (pos > 0 && (buf.length - pos < n || pos > buf.length / 2)) {
			System.arraycopy(buf, pos, buf, 0, limit - pos);
			base += pos;
			limit -= pos;
			pos = 0;
		}
		if (buf.length < n) {
			byte[] bigger = new byte[Math.max(n, buf.length * 2)];
			System.arraycopy(buf, 0, bigger, 0, limit);
			buf = bigger;
		}
		while (limit - pos < n && !eof) {
			try {
				int r = in.read(buf, limit, buf.length - limit);
				if (r < 0) {
					eof = true;
				}
				else {
					limit += r;
				}
			}
			catch (IOException e) {
				error = e;
				eof = true;
			}
		}
		return Math.min(n, limit - pos);
	}

	/**
	 * Takes the reader thread's chunks over: the unread tail of the current buffer (a
	 * block cut at the chunk boundary) goes into the headroom in front of the next
	 * chunk's data, so whole chunks are never copied. A block longer than the headroom is
	 * assembled in a private array.
	 */
	private int ensureFromChunks(int n) {
		while (limit - pos < n && !eof) {
			PrefetchingInput.Chunk c;
			try {
				c = chunks.takeChunk();
			}
			catch (IOException e) {
				error = e;
				eof = true;
				break;
			}
			if (c == null) {
				eof = true;
				break;
			}
			int rem = limit - pos;
			byte[] data = c.data();
			if (rem <= c.offset()) {
				int np = c.offset() - rem;
				System.arraycopy(buf, pos, data, np, rem);
				release();
				base += pos - np; // the stream offset of the first unread byte stays the
									// same
				buf = data;
				bufIsChunk = true;
				pos = np;
				limit = c.offset() + c.length();
			}
			else if (!bufIsChunk && buf.length - limit >= c.length()) {
				System.arraycopy(data, c.offset(), buf, limit, c.length());
				limit += c.length();
				chunks.recycle(data);
			}
			else {
				byte[] bigger = new byte[Math.max(n, rem + c.length())];
				System.arraycopy(buf, pos, bigger, 0, rem);
				System.arraycopy(data, c.offset(), bigger, rem, c.length());
				release();
				chunks.recycle(data);
				base += pos;
				buf = bigger;
				bufIsChunk = false;
				pos = 0;
				limit = rem + c.length();
			}
		}
		return Math.min(n, limit - pos);
	}

	private void release() {
		if (bufIsChunk) {
			chunks.recycle(buf);
		}
	}

	void skip(int n) {
		pos += n;
	}

	/** The read error that ended the stream early, or null. */
	IOException error() {
		return error;
	}

}
