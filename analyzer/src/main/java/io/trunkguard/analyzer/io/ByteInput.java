package io.trunkguard.analyzer.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * A growable read buffer over an input stream that lets readers frame records in place.
 * Read errors of the underlying stream (for example a corrupt gzip member) are remembered, not thrown.
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

    ByteInput(InputStream in, int initialSize) {
        this.in = in;
        this.buf = new byte[initialSize];
    }

    /** Stream offset of the next unread byte. */
    long offset() {
        return base + pos;
    }

    int available() {
        return limit - pos;
    }

    /** Tries to make {@code n} bytes available at {@link #pos}; returns how many are (may be fewer at end of stream). */
    int ensure(int n) {
        if (limit - pos >= n) {
            return n;
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
                } else {
                    limit += r;
                }
            } catch (IOException e) {
                error = e;
                eof = true;
            }
        }
        return Math.min(n, limit - pos);
    }

    void skip(int n) {
        pos += n;
    }

    /** The read error that ended the stream early, or null. */
    IOException error() {
        return error;
    }
}
