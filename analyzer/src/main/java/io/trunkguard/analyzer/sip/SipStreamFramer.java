package io.trunkguard.analyzer.sip;

import java.util.function.Consumer;

/**
 * Frames SIP messages out of one direction of a byte stream (TCP, decrypted TLS) by
 * Content-Length: messages split across segments are joined, several messages in one
 * segment are split. Resynchronises on the next start line after garbage or a gap. Buffer
 * capped.
 */
public final class SipStreamFramer {

	private static final int MAX_BUFFER = SipParser.MAX_HEADER + SipParser.MAX_BODY;

	private final Consumer<SipMessage> sink;

	private byte[] buf = new byte[4096];

	private int len;

	private long messages;

	private long discardedBytes;

	public SipStreamFramer(Consumer<SipMessage> sink) {
		this.sink = sink;
	}

	public void onData(byte[] b, int off, int n, long frame, long timestampNanos) {
		if (len + n > buf.length) {
			if (len + n > MAX_BUFFER) {
				// a runaway message: drop what we hold and restart from these bytes
				discardedBytes += len;
				len = 0;
				if (n > MAX_BUFFER) {
					discardedBytes += n;
					return;
				}
			}
			byte[] bigger = new byte[Math.max(len + n, Math.min(MAX_BUFFER, buf.length * 2))];
			System.arraycopy(buf, 0, bigger, 0, len);
			buf = bigger;
		}
		System.arraycopy(b, off, buf, len, n);
		len += n;
		frame(frame, timestampNanos);
	}

	/** Bytes were lost: whatever partial message we hold cannot be completed. */
	public void onGap() {
		int start = findStart(1);
		consume(start < 0 ? len : start);
	}

	private void frame(long frame, long ts) {
		while (len > 0) {
			int p = 0;
			while (p < len && (buf[p] == '\r' || buf[p] == '\n' || buf[p] == ' ')) {
				p++; // keep-alive CRLFs
			}
			if (p > 0) {
				consume(p);
				continue;
			}
			if (len < 12) {
				return;
			}
			if (!SipParser.looksLikeSip(buf, 0, len)) {
				int eol = indexOf((byte) '\n', 0);
				if (eol < 0 && len < 2048) {
					return; // start line not complete yet
				}
				int start = findStart(1);
				if (start < 0) {
					consume(Math.max(0, len - 2048));
					return;
				}
				consume(start);
				continue;
			}
			int hEnd = SipParser.headerEnd(buf, 0, len);
			if (hEnd < 0) {
				if (len >= SipParser.MAX_HEADER) {
					consume(findStartOr(1, len));
					continue;
				}
				return;
			}
			SipMessage m = SipParser.parseHead(buf, 0, hEnd);
			if (m == null) {
				consume(findStartOr(1, hEnd));
				continue;
			}
			int body = Math.max(0, m.contentLength);
			if (body > SipParser.MAX_BODY) {
				consume(findStartOr(1, hEnd));
				continue;
			}
			if (len - hEnd < body) {
				return;
			}
			m.body = new byte[body];
			System.arraycopy(buf, hEnd, m.body, 0, body);
			m.frame = frame;
			m.timestampNanos = ts;
			consume(hEnd + body);
			messages++;
			sink.accept(m);
		}
	}

	private int findStartOr(int from, int fallback) {
		int s = findStart(from);
		return s < 0 ? fallback : s;
	}

	/** Next line start at or after {@code from} that looks like a SIP start line. */
	private int findStart(int from) {
		for (int i = Math.max(from, 1); i < len; i++) {
			if (buf[i - 1] == '\n' && SipParser.looksLikeSip(buf, i, len - i)) {
				return i;
			}
		}
		return -1;
	}

	private int indexOf(byte c, int from) {
		for (int i = from; i < len; i++) {
			if (buf[i] == c) {
				return i;
			}
		}
		return -1;
	}

	private void consume(int n) {
		if (n <= 0) {
			return;
		}
		if (n >= len) {
			len = 0;
			return;
		}
		System.arraycopy(buf, n, buf, 0, len - n);
		len -= n;
	}

	public long messages() {
		return messages;
	}

	public int buffered() {
		return len;
	}

}
