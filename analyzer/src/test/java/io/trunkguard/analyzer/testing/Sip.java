package io.trunkguard.analyzer.testing;

/** SIP message text for tests. */
public final class Sip {

	private Sip() {
	}

	public static String request(String method, String uri, String callId, int cseq, String extraHeaders, String body) {
		return method + " " + uri + " SIP/2.0\r\n" + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK" + callId.hashCode()
				+ cseq + "\r\n" + "From: <sip:alice@example.com>;tag=a1\r\n" + "To: <" + uri + ">\r\n" + "Call-ID: "
				+ callId + "\r\n" + "CSeq: " + cseq + " " + method + "\r\n" + extraHeaders
				+ (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n") + "Content-Length: " + body.length()
				+ "\r\n\r\n" + body;
	}

	public static String response(int status, String reason, String method, String callId, int cseq,
			String extraHeaders, String body) {
		return "SIP/2.0 " + status + " " + reason + "\r\n" + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK"
				+ callId.hashCode() + cseq + "\r\n" + "From: <sip:alice@example.com>;tag=a1\r\n"
				+ "To: <sip:bob@example.com>;tag=b2\r\n" + "Call-ID: " + callId + "\r\n" + "CSeq: " + cseq + " "
				+ method + "\r\n" + extraHeaders + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
				+ "Content-Length: " + body.length() + "\r\n\r\n" + body;
	}

	public static String sdp(String address, int port, String profile, String... attributes) {
		StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address
				+ "\r\nt=0 0\r\nm=audio " + port + " " + profile + " 0 8\r\n");
		for (String a : attributes) {
			b.append("a=").append(a).append("\r\n");
		}
		return b.toString();
	}

	/** Same as {@link #sdp} with a distinct origin, as an answerer would write. */
	public static String answerSdp(String address, int port, String profile, String... attributes) {
		return sdp(address, port, profile, attributes).replace("o=- 1 1", "o=- 2 2");
	}

}
