package io.trunkguard.analyzer.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One direction of a WebSocket connection (RFC 6455): skips the HTTP upgrade, then
 * unmasks frames and joins fragmented messages; each message is parsed as one SIP message
 * (RFC 7118). Messages compressed with permessage-deflate (RFC 7692, RSV1 set) are
 * inflated with one inflater per direction, so the sliding window carries over between
 * messages (context takeover); a message that cannot be inflated (the capture started
 * after the window was built, or a gap) is counted in {@link #undecodable()} and skipped.
 */
public final class WebSocketFramer {

	private static final int MAX_MESSAGE = 1024 * 1024;

	private final Consumer<SipMessage> sink;

	private byte[] buf = new byte[4096];

	private int len;

	private boolean handshakeDone;

	private byte[] message = new byte[0];

	private int messageLen;

	private boolean compressed;

	private long frames;

	private Inflater inflater;

	private byte[] inflated;

	private long undecodable;

	/**
	 * The empty stored block the sender stripped from the end of each compressed message.
	 */
	private static final byte[] TAIL = { 0, 0, (byte) 0xFF, (byte) 0xFF };

	public WebSocketFramer(Consumer<SipMessage> sink) {
		this.sink = sink;
	}

	/**
	 * True when the stream opens with an HTTP request or response upgrading to WebSocket.
	 */
	public static boolean looksLikeUpgrade(byte[] b, int off, int n) {
		if (n < 16) {
			return false;
		}
		String head = new String(b, off, Math.min(n, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		return (head.startsWith("get ") || head.startsWith("http/1.1 101")) && head.contains("upgrade: websocket");
	}

	public void onData(byte[] b, int off, int n, long frame, long ts) {
		if (len + n > buf.length) {
			if (len + n > MAX_MESSAGE * 2) {
				len = 0;
				if (n > MAX_MESSAGE * 2) {
					return;
				}
			}
			byte[] bigger = new byte[Math.max(len + n, buf.length * 2)];
			System.arraycopy(buf, 0, bigger, 0, len);
			buf = bigger;
		}
		System.arraycopy(b, off, buf, len, n);
		len += n;
		process(frame, ts);
	}

	public void onGap() {
		len = 0;
		messageLen = 0;
		if (inflater != null) {
			inflater.reset(); // the window before the gap is lost; later messages may not
								// inflate
		}
	}

	private void process(long frame, long ts) {
		if (!handshakeDone) {
			int end = SipParser.headerEnd(buf, 0, len);
			if (end < 0) {
				if (len > 16 * 1024) {
					len = 0;
				}
				return;
			}
			handshakeDone = true;
			consume(end);
		}
		while (len >= 2) {
			int b0 = buf[0] & 0xFF;
			int b1 = buf[1] & 0xFF;
			boolean fin = (b0 & 0x80) != 0;
			boolean rsv1 = (b0 & 0x40) != 0;
			int opcode = b0 & 0x0F;
			boolean masked = (b1 & 0x80) != 0;
			long payload = b1 & 0x7F;
			int p = 2;
			if (payload == 126) {
				if (len < 4) {
					return;
				}
				payload = ((buf[2] & 0xFF) << 8) | (buf[3] & 0xFF);
				p = 4;
			}
			else if (payload == 127) {
				if (len < 10) {
					return;
				}
				payload = 0;
				for (int i = 0; i < 8; i++) {
					payload = (payload << 8) | (buf[2 + i] & 0xFF);
				}
				p = 10;
			}
			if (payload < 0 || payload > MAX_MESSAGE) {
				len = 0; // not a frame we can follow
				return;
			}
			int maskAt = p;
			if (masked) {
				p += 4;
			}
			if (len < p + payload) {
				return;
			}
			int plen = (int) payload;
			frames++;
			if (opcode == 1 || opcode == 2 || opcode == 0) {
				if (opcode != 0) {
					messageLen = 0;
					compressed = rsv1;
				}
				if (messageLen + plen <= MAX_MESSAGE) {
					if (message.length < messageLen + plen) {
						byte[] bigger = new byte[Math.max(messageLen + plen, message.length * 2)];
						System.arraycopy(message, 0, bigger, 0, messageLen);
						message = bigger;
					}
					for (int i = 0; i < plen; i++) {
						byte v = buf[p + i];
						if (masked) {
							v ^= buf[maskAt + (i & 3)];
						}
						message[messageLen + i] = v;
					}
					messageLen += plen;
				}
				if (fin) {
					if (!compressed) {
						deliver(message, messageLen, frame, ts);
					}
					else {
						int n = inflate();
						if (n >= 0) {
							deliver(inflated, n, frame, ts);
						}
						else {
							undecodable++;
						}
					}
					messageLen = 0;
				}
			}
			consume(p + plen);
		}
	}

	private void deliver(byte[] b, int n, long frame, long ts) {
		SipMessage m = SipParser.parse(b, 0, n);
		if (m != null) {
			m.frame = frame;
			m.timestampNanos = ts;
			sink.accept(m);
		}
	}

	/**
	 * Inflates {@code message[0, messageLen)} into {@link #inflated}; its length, or -1.
	 */
	private int inflate() {
		if (inflater == null) {
			inflater = new Inflater(true);
			inflated = new byte[8192];
		}
		try {
			inflater.setInput(message, 0, messageLen);
			int out = drain(0);
			if (out >= 0 && !inflater.finished()) {
				inflater.setInput(TAIL);
				out = drain(out);
			}
			if (out < 0) {
				inflater.reset();
				return -1;
			}
			if (inflater.finished()) {
				inflater.reset(); // the sender ended its deflate stream (BFINAL): start
									// afresh
			}
			return out;
		}
		catch (DataFormatException e) {
			inflater.reset();
			return -1;
		}
	}

	/**
	 * Inflates the current input after {@code out} bytes; the new length, or -1 past the
	 * size cap or when stuck.
	 */
	private int drain(int out) throws DataFormatException {
		while (!inflater.needsInput() && !inflater.finished()) {
			if (out == inflated.length) {
				if (out >= MAX_MESSAGE) {
					return -1; // a decompression bomb or garbage
				}
				inflated = java.util.Arrays.copyOf(inflated, Math.min(MAX_MESSAGE, out * 2));
			}
			int r = inflater.inflate(inflated, out, inflated.length - out);
			if (r == 0 && !inflater.needsInput() && !inflater.finished()) {
				return -1; // needs a preset dictionary, or makes no progress
			}
			out += r;
		}
		return out;
	}

	/** Compressed messages that could not be inflated. */
	public long undecodable() {
		return undecodable;
	}

	private void consume(int n) {
		if (n >= len) {
			len = 0;
			return;
		}
		System.arraycopy(buf, n, buf, 0, len - n);
		len -= n;
	}

	public long frames() {
		return frames;
	}

}
