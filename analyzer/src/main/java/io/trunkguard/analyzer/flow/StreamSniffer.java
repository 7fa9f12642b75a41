package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.sip.SipParser;
import io.trunkguard.analyzer.sip.WebSocketFramer;

/**
 * Tells what a TCP connection (or the plaintext inside TLS) carries from its first bytes:
 * TLS, SIP (also from the middle of a message), a WebSocket upgrade, something else, or
 * not yet known (text without a start line).
 */
final class StreamSniffer {

	enum Kind {

		UNKNOWN, SIP, TLS, WS, OTHER

	}

	private final TlsSupport tls;

	StreamSniffer(TlsSupport tls) {
		this.tls = tls;
	}

	Kind sniff(byte[] b, int off, int len) {
		int p = off;
		int end = off + len;
		while (p < end && (b[p] == '\r' || b[p] == '\n')) {
			p++;
		}
		if (p == end) {
			return Kind.UNKNOWN;
		}
		if (tls.looksLikeTls(b, p, end - p)) {
			return Kind.TLS;
		}
		if (SipParser.looksLikeSip(b, p, end - p)) {
			return Kind.SIP;
		}
		if (WebSocketFramer.looksLikeUpgrade(b, p, end - p)) {
			return Kind.WS;
		}
		// a capture that starts in the middle of a SIP message: a start line follows a
		// line break
		for (int i = p + 1; i < end; i++) {
			if (b[i - 1] == '\n' && SipParser.looksLikeSip(b, i, end - i)) {
				return Kind.SIP;
			}
		}
		// text without a start line yet (the tail of a message body): keep looking in the
		// next bytes
		return printable(b, p, Math.min(end, p + 64)) ? Kind.UNKNOWN : Kind.OTHER;
	}

	private static boolean printable(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			int c = b[i] & 0xFF;
			if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

}
