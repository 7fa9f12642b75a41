package io.trunkguard.analyzer.sip;

import io.trunkguard.analyzer.testing.Sip;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SipParsingTest {

	static byte[] b(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void recognisesRequestsAndResponsesByContent() {
		assertThat(SipParser.looksLikeSip(b("INVITE sip:a@b SIP/2.0\r\n"), 0, 24)).isTrue();
		assertThat(SipParser.looksLikeSip(b("SIP/2.0 180 Ringing\r\n"), 0, 21)).isTrue();
		assertThat(SipParser.looksLikeSip(b("FOOBAR sip:a@b SIP/2.0\r\n"), 0, 24)).isTrue();
		assertThat(SipParser.looksLikeSip(b("GET / HTTP/1.1\r\nHost: x\r\n"), 0, 25)).isFalse();
		assertThat(SipParser.looksLikeSip(new byte[] { (byte) 0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 0, 13))
			.isFalse();
	}

	@Test
	void parsesCompactHeadersAndBody() {
		String text = "INVITE sip:+4930123@example.com;user=phone SIP/2.0\r\nv: SIP/2.0/UDP 10.0.0.1\r\ni: abc@host\r\n"
				+ "f: \"Alice\" <sip:alice@example.com>;tag=1\r\nt: <sip:bob@example.com>\r\nCSeq: 5 INVITE\r\n"
				+ "c: application/sdp\r\nl: 4\r\nUser-Agent: test\r\nProxy-Authorization: Digest x\r\n\r\nv=0\r\n";
		SipMessage m = SipParser.parse(b(text), 0, text.length());
		assertThat(m.request).isTrue();
		assertThat(m.method).isEqualTo("INVITE");
		assertThat(m.callId).isEqualTo("abc@host");
		assertThat(m.fromTag).isEqualTo("1");
		assertThat(m.cseq).isEqualTo(5);
		assertThat(m.requestUser()).isEqualTo("+4930123");
		assertThat(m.proxyAuthorization).isTrue();
		assertThat(m.bodyText()).isEqualTo("v=0\r");
	}

	@Test
	void framesSplitAndPackedMessagesOnAStream() {
		List<SipMessage> got = new ArrayList<>();
		SipStreamFramer f = new SipStreamFramer(got::add);
		String one = Sip.request("INVITE", "sip:bob@example.com", "c1", 1, "", Sip.sdp("10.0.0.1", 4000, "RTP/AVP"));
		String two = Sip.response(100, "Trying", "INVITE", "c1", 1, "", "");
		String three = Sip.response(200, "OK", "INVITE", "c1", 1, "", "");
		byte[] all = b("\r\n\r\n" + one + two + three);
		f.onData(all, 0, 30, 1, 0);
		assertThat(got).isEmpty();
		f.onData(all, 30, all.length - 30 - 10, 2, 0);
		assertThat(got).hasSize(2);
		f.onData(all, all.length - 10, 10, 3, 0);
		assertThat(got).extracting(m -> m.request ? m.method : String.valueOf(m.status))
			.containsExactly("INVITE", "100", "200");
		assertThat(got.get(0).hasSdp()).isTrue();
		assertThat(got.get(0).frame).isEqualTo(2);
		assertThat(got.get(2).frame).isEqualTo(3);
	}

	@Test
	void resynchronisesAfterGarbageAndGaps() {
		List<SipMessage> got = new ArrayList<>();
		SipStreamFramer f = new SipStreamFramer(got::add);
		String msg = Sip.request("OPTIONS", "sip:x@y", "o1", 1, "", "");
		byte[] data = b("garbage that is not sip\r\nmore\r\n" + msg);
		f.onData(data, 0, data.length, 1, 0);
		assertThat(got).hasSize(1);
		byte[] half = b(msg.substring(0, 40));
		f.onData(half, 0, half.length, 2, 0);
		f.onGap();
		byte[] next = b(msg);
		f.onData(next, 0, next.length, 3, 0);
		assertThat(got).hasSize(2);
	}

	@Test
	void unmasksWebSocketFramesAfterTheUpgrade() {
		List<SipMessage> got = new ArrayList<>();
		WebSocketFramer ws = new WebSocketFramer(got::add);
		byte[] upgrade = b(
				"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: sip\r\n\r\n");
		assertThat(WebSocketFramer.looksLikeUpgrade(upgrade, 0, upgrade.length)).isTrue();
		byte[] sip = b(Sip.request("REGISTER", "sip:example.com", "w1", 1, "", ""));
		byte[] mask = { 1, 2, 3, 4 };
		byte[] frame = new byte[4 + 4 + sip.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | 126);
		frame[2] = (byte) (sip.length >> 8);
		frame[3] = (byte) sip.length;
		System.arraycopy(mask, 0, frame, 4, 4);
		for (int i = 0; i < sip.length; i++) {
			frame[8 + i] = (byte) (sip[i] ^ mask[i & 3]);
		}
		ws.onData(upgrade, 0, upgrade.length, 1, 0);
		ws.onData(frame, 0, 10, 2, 0);
		ws.onData(frame, 10, frame.length - 10, 3, 0);
		assertThat(got).singleElement().satisfies(m -> {
			assertThat(m.method).isEqualTo("REGISTER");
			assertThat(m.frame).isEqualTo(3);
		});
	}

}
