package io.trunkguard.analyzer.sip;

import io.trunkguard.analyzer.sdp.Sdp;

import java.nio.charset.StandardCharsets;

/** One parsed SIP request or response with the headers the analyzer needs. */
public final class SipMessage {

	public boolean request;

	public String method;

	public String requestUri;

	public int status;

	public String reason;

	public String callId;

	public String from;

	public String fromTag;

	public String to;

	public String toTag;

	public long cseq;

	public String cseqMethod;

	public String userAgent;

	public String server;

	public String contentType;

	public int contentLength = -1;

	public boolean authorization;

	public boolean proxyAuthorization;

	public String via;

	public String contact;

	public byte[] body = new byte[0];

	private Sdp parsedSdp;

	public long frame;

	public long timestampNanos;

	public String bodyText() {
		return new String(body, StandardCharsets.ISO_8859_1);
	}

	public boolean hasSdp() {
		return body.length > 0
				&& (contentType == null ? startsWith(body, "v=0")
						: contentType.toLowerCase().contains("application/sdp"))
				|| body.length > 0 && contentType != null && contentType.toLowerCase().startsWith("multipart")
						&& bodyText().contains("application/sdp");
	}

	/**
	 * The SDP part of the body parsed, once: {@link #prepareSdp()} may do it ahead on
	 * another thread before the message is handed over.
	 */
	public Sdp parsedSdp() {
		Sdp p = parsedSdp;
		if (p == null) {
			p = Sdp.parse(sdp());
			parsedSdp = p;
		}
		return p;
	}

	/**
	 * Parses the SDP body ahead when there is one; a failure is left for
	 * {@link #parsedSdp()} to meet again where the message is analysed.
	 */
	public void prepareSdp() {
		try {
			if (hasSdp()) {
				parsedSdp();
			}
		}
		catch (RuntimeException e) {
			parsedSdp = null;
		}
	}

	/** The SDP part of the body (handles multipart bodies). */
	public String sdp() {
		String text = bodyText();
		if (contentType != null && contentType.toLowerCase().startsWith("multipart")) {
			int i = text.indexOf("v=0");
			if (i < 0) {
				return "";
			}
			int end = text.indexOf("\r\n--", i);
			return end < 0 ? text.substring(i) : text.substring(i, end + 2);
		}
		return text;
	}

	private static boolean startsWith(byte[] b, String s) {
		if (b.length < s.length()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (b[i] != s.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** The method a response answers (from CSeq) or the request's method. */
	public String transactionMethod() {
		return request ? method : cseqMethod;
	}

	/** User part of the request URI ("sip:+4930123@host" gives "+4930123"), or null. */
	public String requestUser() {
		if (requestUri == null) {
			return null;
		}
		String u = requestUri;
		int colon = u.indexOf(':');
		if (colon >= 0) {
			u = u.substring(colon + 1);
		}
		int at = u.indexOf('@');
		if (at < 0) {
			return null;
		}
		u = u.substring(0, at);
		int semi = u.indexOf(';');
		return semi >= 0 ? u.substring(0, semi) : u;
	}

	@Override
	public String toString() {
		return request ? method + " " + requestUri : status + " " + reason + " (" + cseqMethod + ")";
	}

}
