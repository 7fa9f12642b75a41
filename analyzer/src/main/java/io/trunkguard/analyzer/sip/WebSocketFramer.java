package io.trunkguard.analyzer.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One direction of a WebSocket connection (RFC 6455): skips the HTTP upgrade, then unmasks
 * frames and joins fragmented messages; each message is parsed as one SIP message (RFC 7118).
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

    public WebSocketFramer(Consumer<SipMessage> sink) {
        this.sink = sink;
    }

    /** True when the stream opens with an HTTP request or response upgrading to WebSocket. */
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
            } else if (payload == 127) {
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
                        SipMessage m = SipParser.parse(message, 0, messageLen);
                        if (m != null) {
                            m.frame = frame;
                            m.timestampNanos = ts;
                            sink.accept(m);
                        }
                    }
                    messageLen = 0;
                }
            }
            consume(p + plen);
        }
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
