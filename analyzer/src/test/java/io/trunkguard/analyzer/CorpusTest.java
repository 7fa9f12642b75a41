package io.trunkguard.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.testing.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public capture: SIP messages, requests by method, responses by status, transports
 * and dialogs agree with tshark's view in {@code shared/corpus/expected}. Where the
 * analyzer sees a different number, the difference is spelled out here with its reason.
 */
class CorpusTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * SDP bodies tshark counts that are not carried by SIP: MEGACO (H.248) and MGCP
	 * messages on the same capture carry SDP too. The analyzer counts SDP in SIP only.
	 * Plus one the other way: a 200 OK whose body is SDP without a Content-Type header,
	 * which tshark leaves undissected.
	 */
	private static final Map<String, Integer> SDP_DIFFERENCE = Map.of("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap", -14, // 14
																														// SDP
																														// bodies
																														// in
																														// MEGACO
																														// frames
																														// (udp:megaco:sdp)
			"heplify-rtp_rtcp_sip_ipv4_udp.pcap", -2, // frames 2945/2946: MGCP with SDP
			"heplify-sip_ipv6_udp.pcap", +1); // frame 3: SDP body without Content-Type

	static Stream<Path> captures() throws IOException {
		try (Stream<Path> files = Files.list(Corpus.root().resolve("public"))) {
			List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
			assertThat(list).isNotEmpty();
			return list.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("captures")
	void agreesWithTsharkOnSipMessagesAndDialogs(Path capture) throws IOException {
		String name = capture.getFileName().toString();
		JsonNode expected = JSON.readTree(Corpus.root().resolve("expected").resolve(name + ".json").toFile());
		TraceReport report = TraceAnalyzer.analyze(capture, Options.defaults());

		assertThat(report.capture().damage()).as("damage").isNull();
		assertThat(report.capture().packets()).isEqualTo(packets(expected));
		// tshark counts frames that carry SIP; no public capture packs two SIP messages
		// in one frame
		assertThat(report.stats().sipFrames()).as("SIP frames").isEqualTo(expected.get("sip_messages").asLong());
		assertThat(report.stats().sipMessages()).as("SIP messages").isEqualTo(expected.get("sip_messages").asLong());
		assertThat(report.stats().sipRequests()).as("requests").isEqualTo(counts(expected.get("sip_requests")));
		assertThat(report.stats().sipResponses()).as("responses").isEqualTo(counts(expected.get("sip_responses")));
		assertThat(transports(report)).as("transports").isEqualTo(counts(expected.get("sip_transports")));
		assertThat(report.dialogs()).as("dialogs (Call-IDs)").hasSize(expected.get("call_ids").asInt());
		assertThat(report.stats().sdpBodies()).as("SDP bodies in SIP")
			.isEqualTo(expected.get("sdp_bodies").asLong() + SDP_DIFFERENCE.getOrDefault(name, 0));
		// tshark decodes RTP only on flows an SDP it dissected set up; the analyzer also
		// tracks flows that look
		// like RTP without SDP (and T.38 re-INVITE flows), so it sees at least as many
		// RTP packets.
		long rtp = report.legs().stream().flatMap(l -> l.media().stream()).mapToLong(m -> m.packets().rtp()).sum()
				+ report.unmatchedMedia().stream().mapToLong(m -> m.packets().rtp()).sum();
		assertThat(rtp).as("RTP packets").isGreaterThanOrEqualTo(expected.get("rtp_packets").asLong());
		assertThat(report.stats().internalErrors()).isZero();
		assertThat(report.legs()).allSatisfy(l -> assertThat(l.verdict()).isNotNull());
	}

	private static long packets(JsonNode expected) {
		for (JsonNode line : expected.get("capinfos")) {
			String s = line.asText();
			if (s.startsWith("Number of packets:")) {
				return Long.parseLong(s.substring(s.indexOf(':') + 1).trim());
			}
		}
		throw new AssertionError("no packet count in expected file");
	}

	private static Map<String, Long> counts(JsonNode node) {
		Map<String, Long> out = new TreeMap<>();
		Iterator<Map.Entry<String, JsonNode>> it = node.fields();
		while (it.hasNext()) {
			Map.Entry<String, JsonNode> e = it.next();
			out.put(e.getKey(), e.getValue().asLong());
		}
		return out;
	}

	private static Map<String, Long> transports(TraceReport report) {
		Map<String, Long> out = new TreeMap<>();
		report.stats().sipTransports().forEach((k, v) -> out.merge(switch (k) {
			case "WS", "WSS" -> "websocket";
			default -> k.toLowerCase();
		}, v, Long::sum));
		return out;
	}

}
