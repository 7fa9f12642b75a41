package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.TraceAnalyzer;
import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.testing.CaptureWriter;
import io.trunkguard.analyzer.testing.Packets;
import io.trunkguard.analyzer.testing.Sip;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.trunkguard.analyzer.testing.Packets.ACK;
import static io.trunkguard.analyzer.testing.Packets.PSH;
import static io.trunkguard.analyzer.testing.Packets.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIP found by content on any port and over every transport, through the real pipeline.
 */
class PacketDispatcherTest {

	static final long T0 = 1_700_000_000_000_000_000L;

	static TraceReport analyze(CaptureWriter w) {
		return TraceAnalyzer.analyze(new ByteArrayInputStream(w.pcap()), Options.defaults().withFailFast(true));
	}

	static byte[] tcp(String src, int sport, String dst, int dport, long seq, int flags, byte[] payload) {
		return Packets.ethernet(0x0800, Packets.ipv4(src, dst, 6, Packets.tcp(sport, dport, seq, flags, payload)));
	}

	@Test
	void findsSipOverUdpOnAnOddPort() {
		CaptureWriter w = CaptureWriter.linkType(1);
		w.add(T0, Packets.ethernet(0x0800, Packets.ipv4("10.0.0.1", "10.0.0.2", 17,
				Packets.udp(40000, 7777, Packets.ascii(Sip.request("OPTIONS", "sip:x@10.0.0.2", "odd", 1, "", ""))))));
		TraceReport r = analyze(w);
		assertThat(r.stats().sipMessages()).isEqualTo(1);
		assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.endpointB()).isEqualTo("10.0.0.2:7777"));
	}

	@Test
	void reassemblesSipOverTcpSplitOutOfOrderAndPackedWithRetransmissions() {
		byte[] invite = Packets
			.ascii(Sip.request("INVITE", "sip:bob@10.0.0.2", "tcp1", 1, "", Sip.sdp("10.0.0.1", 4000, "RTP/AVP")));
		byte[] packed = Packets.ascii(Sip.response(100, "Trying", "INVITE", "tcp1", 1, "", "")
				+ Sip.response(200, "OK", "INVITE", "tcp1", 1, "", Sip.answerSdp("10.0.0.2", 5000, "RTP/AVP")));
		byte[] a = Arrays.copyOfRange(invite, 0, 100);
		byte[] b = Arrays.copyOfRange(invite, 100, invite.length);
		CaptureWriter w = CaptureWriter.linkType(1);
		long t = T0;
		w.add(t += 1000, tcp("10.0.0.1", 33000, "10.0.0.2", 6060, 1000, SYN, new byte[0]));
		w.add(t += 1000, tcp("10.0.0.2", 6060, "10.0.0.1", 33000, 5000, SYN | ACK, new byte[0]));
		w.add(t += 1000, tcp("10.0.0.1", 33000, "10.0.0.2", 6060, 1001 + 100, ACK | PSH, b)); // second
																								// half
																								// first
		w.add(t += 1000, tcp("10.0.0.1", 33000, "10.0.0.2", 6060, 1001, ACK | PSH, a));
		w.add(t += 1000, tcp("10.0.0.1", 33000, "10.0.0.2", 6060, 1001, ACK | PSH, a)); // retransmission
		w.add(t += 1000, tcp("10.0.0.2", 6060, "10.0.0.1", 33000, 5001, ACK | PSH, packed));
		TraceReport r = analyze(w);
		assertThat(r.stats().sipMessages()).isEqualTo(3);
		assertThat(r.stats().sipFrames()).isEqualTo(2);
		assertThat(r.legs()).singleElement().satisfies(l -> {
			assertThat(l.transport()).isEqualTo("TCP");
			assertThat(l.endpointA()).isEqualTo("10.0.0.1:33000");
			assertThat(l.media()).singleElement().satisfies(m -> assertThat(m.answerProfile()).isEqualTo("RTP/AVP"));
		});
		assertThat(r.dialogs()).singleElement().satisfies(d -> assertThat(d.finalStatus()).isEqualTo(200));
	}

	@Test
	void picksUpSipOverTcpWhenTheCaptureStartsMidMessage() {
		String body = Sip.sdp("10.0.0.1", 4000, "RTP/AVP");
		byte[] tail = Packets.ascii(body.substring(20));
		byte[] next = Packets.ascii(Sip.request("BYE", "sip:bob@10.0.0.2", "mid1", 2, "", ""));
		CaptureWriter w = CaptureWriter.linkType(1);
		w.add(T0, tcp("10.0.0.1", 33000, "10.0.0.2", 5060, 7000, ACK | PSH, tail));
		w.add(T0 + 1000, tcp("10.0.0.1", 33000, "10.0.0.2", 5060, 7000 + tail.length, ACK | PSH, next));
		TraceReport r = analyze(w);
		assertThat(r.stats().sipRequests()).containsEntry("BYE", 1L);
		assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.transport()).isEqualTo("TCP"));
	}

	@Test
	void readsSipOverSctpDataChunks() {
		CaptureWriter w = CaptureWriter.linkType(1);
		w.add(T0, Packets.ethernet(0x0800, Packets.ipv4("10.0.0.1", "10.0.0.2", 132, Packets.sctpData(5060, 5060,
				Packets.ascii(Sip.request("INVITE", "sip:bob@10.0.0.2", "sctp1", 1, "", ""))))));
		TraceReport r = analyze(w);
		assertThat(r.stats().sipTransports()).containsEntry("SCTP", 1L);
		assertThat(ruleIds(r)).contains("SIP_PLAINTEXT_SIGNALLING");
	}

	@Test
	void readsSipOverWebSocket() {
		byte[] upgrade = Packets.ascii("GET /ws HTTP/1.1\r\nHost: pbx\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Protocol: sip\r\nSec-WebSocket-Key: x\r\n\r\n");
		byte[] sip = Sip.request("REGISTER", "sip:pbx", "ws1", 1, "", "").getBytes(StandardCharsets.ISO_8859_1);
		byte[] frame = new byte[8 + sip.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | 126);
		frame[2] = (byte) (sip.length >> 8);
		frame[3] = (byte) sip.length;
		byte[] mask = { 9, 8, 7, 6 };
		System.arraycopy(mask, 0, frame, 4, 4);
		for (int i = 0; i < sip.length; i++) {
			frame[8 + i] = (byte) (sip[i] ^ mask[i & 3]);
		}
		CaptureWriter w = CaptureWriter.linkType(1);
		w.add(T0, tcp("10.0.0.1", 40000, "10.0.0.2", 8080, 1, ACK | PSH, upgrade));
		w.add(T0 + 1000, tcp("10.0.0.1", 40000, "10.0.0.2", 8080, 1 + upgrade.length, ACK | PSH, frame));
		TraceReport r = analyze(w);
		assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.transport()).isEqualTo("WS"));
		assertThat(r.stats().sipRequests()).containsEntry("REGISTER", 1L);
	}

	@Test
	void ignoresTcpThatIsNotSip() {
		CaptureWriter w = CaptureWriter.linkType(1);
		byte[] http = Packets.ascii("GET / HTTP/1.1\r\nHost: example\r\n\r\n" + "x".repeat(5000));
		w.add(T0, tcp("10.0.0.1", 40000, "10.0.0.2", 80, 1, ACK | PSH, http));
		TraceReport r = analyze(w);
		assertThat(r.legs()).isEmpty();
		assertThat(r.stats().tcpConnections()).isEqualTo(1);
	}

	static java.util.Set<String> ruleIds(TraceReport r) {
		return r.findings().stream().map(f -> f.ruleId()).collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * A masked, final WebSocket text frame; {@code compressed} sets RSV1
	 * (permessage-deflate).
	 */
	static byte[] wsFrame(byte[] payload, boolean compressed) {
		byte[] frame = new byte[8 + payload.length];
		frame[0] = (byte) (compressed ? 0xC1 : 0x81);
		frame[1] = (byte) (0x80 | 126);
		frame[2] = (byte) (payload.length >> 8);
		frame[3] = (byte) payload.length;
		byte[] mask = { 9, 8, 7, 6 };
		System.arraycopy(mask, 0, frame, 4, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[8 + i] = (byte) (payload[i] ^ mask[i & 3]);
		}
		return frame;
	}

	@Test
	void readsCompressedSipOverWebSocketAndNotesWhatCannotBeInflated() {
		byte[] upgrade = Packets.ascii("GET /ws HTTP/1.1\r\nHost: pbx\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Protocol: sip\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
		deflater.setInput(Sip.request("REGISTER", "sip:pbx", "wsz", 1, "", "").getBytes(StandardCharsets.ISO_8859_1));
		byte[] buf = new byte[4096];
		int n = deflater.deflate(buf, 0, buf.length, java.util.zip.Deflater.SYNC_FLUSH);
		byte[] good = wsFrame(Arrays.copyOf(buf, n - 4), true);
		byte[] bad = wsFrame(new byte[] { (byte) 0xFF, (byte) 0xFF, 0x13, 0x37 }, true);
		CaptureWriter w = CaptureWriter.linkType(1);
		long seq = 1;
		w.add(T0, tcp("10.0.0.1", 40000, "10.0.0.2", 8080, seq, ACK | PSH, upgrade));
		seq += upgrade.length;
		w.add(T0 + 1000, tcp("10.0.0.1", 40000, "10.0.0.2", 8080, seq, ACK | PSH, good));
		seq += good.length;
		w.add(T0 + 2000, tcp("10.0.0.1", 40000, "10.0.0.2", 8080, seq, ACK | PSH, bad));
		TraceReport r = analyze(w);
		assertThat(r.stats().sipRequests()).containsEntry("REGISTER", 1L);
		assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.transport()).isEqualTo("WS"));
		assertThat(r.notes())
			.anySatisfy(note -> assertThat(note).startsWith("1 compressed WebSocket message(s) could not be inflated"));
	}

	@Test
	void recognisesMediaWhoseTwoDirectionsAlternatePacketByPacket() {
		// TLS signalling hides the SDP; the two phones then send G.711 RTP in strict
		// alternation, each direction with its own SSRC and sequence numbers
		CaptureWriter w = CaptureWriter.linkType(1);
		long t = T0;
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 60; i++) {
			byte[] a = new byte[160];
			byte[] b = new byte[160];
			for (int k = 0; k < 160; k++) {
				a[k] = (byte) (0xD5 ^ (random.nextInt(8)));
				b[k] = (byte) (0x55 ^ (random.nextInt(8)));
			}
			w.add(t += 10_000_000, Packets.ethernet(0x0800, Packets.ipv4("10.0.0.1", "10.0.0.2", 17,
					Packets.udp(20000, 30000, Packets.rtp(8, 100 + i, 160L * i, 0x11aa0001L, a)))));
			w.add(t += 10_000_000, Packets.ethernet(0x0800, Packets.ipv4("10.0.0.2", "10.0.0.1", 17,
					Packets.udp(30000, 20000, Packets.rtp(8, 5000 + i, 160L * i, 0x22bb0002L, b)))));
		}
		TraceReport r = analyze(w);
		assertThat(r.unmatchedMedia()).singleElement().satisfies(m -> {
			assertThat(m.packets().rtp()).isGreaterThanOrEqualTo(110);
			assertThat(m.packets().ssrcs()).hasSize(2);
		});
		assertThat(r.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("MEDIA_PLAIN_RTP"));
	}

}
