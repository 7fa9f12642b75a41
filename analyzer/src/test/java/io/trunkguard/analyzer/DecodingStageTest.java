package io.trunkguard.analyzer;

import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.testing.CaptureWriter;
import io.trunkguard.analyzer.testing.Packets;
import io.trunkguard.analyzer.testing.Sip;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoding thread hands packets over in batches that refer to the reader's chunk
 * arrays: on a capture of several chunks (1 MB each) and batches (2048 packets), every
 * packet must still be read from its own bytes on the analysing thread, in capture order.
 */
class DecodingStageTest {

	private static final int CALLS = 2000;

	private static final int RTP_PER_CALL = 12;

	/**
	 * One INVITE with SDP from each of {@code CALLS} hosts, then RTP from each host's SDP
	 * port with 1000-byte payloads: about 25 MB, 26 000 packets (more chunks than the
	 * reader keeps queued, so chunk arrays are reused).
	 */
	private static CaptureWriter calls() {
		CaptureWriter w = CaptureWriter.linkType(1);
		long t = TraceAnalyzerTest.T0;
		for (int i = 0; i < CALLS; i++) {
			String src = host(i);
			w.add(t += 1_000_000, TraceAnalyzerTest.udpFrame(src, 5060, "10.0.0.2", 5060, Packets
				.ascii(Sip.request("INVITE", "sip:bob@10.0.0.2", "batch-" + i, 1, "", Sip.sdp(src, 4000, "RTP/AVP")))));
		}
		for (int k = 0; k < RTP_PER_CALL; k++) {
			for (int i = 0; i < CALLS; i++) {
				byte[] payload = new byte[1000];
				payload[0] = (byte) i; // every packet's bytes differ from its neighbours'
				payload[1] = (byte) (i >> 8);
				w.add(t += 1_000_000, TraceAnalyzerTest.udpFrame(host(i), 4000, "10.0.0.2", 5000,
						Packets.rtp(0, k, k * 160L, 0x1000 + i, payload)));
			}
		}
		return w;
	}

	private static String host(int i) {
		return "10.1." + (i / 250) + "." + (i % 250 + 1);
	}

	private static void assertEveryPacketInItsPlace(TraceReport r) {
		assertThat(r.capture().packets()).isEqualTo(CALLS * (1 + RTP_PER_CALL));
		assertThat(r.stats().sipMessages()).isEqualTo(CALLS);
		assertThat(r.stats().udpPackets()).isEqualTo(CALLS * (1 + RTP_PER_CALL));
		assertThat(r.stats().internalErrors()).isZero();
		assertThat(r.legs()).hasSize(CALLS);
		for (int i = 0; i < CALLS; i++) {
			int n = i;
			TraceReport.LegView leg = r.legs().get(i);
			assertThat(leg.endpointA() + " " + leg.endpointB()).contains(host(i) + ":5060");
			assertThat(leg.callIds()).containsExactly("batch-" + i);
			assertThat(leg.media()).singleElement().satisfies(m -> {
				assertThat(m.packets().rtp()).isEqualTo(RTP_PER_CALL);
				assertThat(m.packets().ssrcs()).containsExactly(String.format(Locale.ROOT, "0x%08x", 0x1000 + n));
				assertThat(m.flowEndpoints()).contains(host(n) + ":4000");
			});
		}
	}

	@Test
	void readsEveryPacketOfAPcapngAcrossChunksAndBatchesFromItsOwnBytes() {
		byte[] file = calls().pcapng(ByteOrder.LITTLE_ENDIAN);
		assertThat(file.length).isGreaterThan(20 << 20);
		assertEveryPacketInItsPlace(TraceAnalyzer.analyze(new ByteArrayInputStream(file), Options.defaults()));
	}

	@Test
	void readsEveryPacketOfAPcapAcrossChunksAndBatchesFromItsOwnBytes() {
		byte[] file = calls().pcap(ByteOrder.BIG_ENDIAN, true);
		assertEveryPacketInItsPlace(TraceAnalyzer.analyze(new ByteArrayInputStream(file), Options.defaults()));
	}

}
