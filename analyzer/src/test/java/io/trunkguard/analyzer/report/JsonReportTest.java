package io.trunkguard.analyzer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trunkguard.analyzer.report.TraceReport.AnalyzerInfo;
import io.trunkguard.analyzer.report.TraceReport.Capture;
import io.trunkguard.analyzer.report.TraceReport.CertView;
import io.trunkguard.analyzer.report.TraceReport.DamageView;
import io.trunkguard.analyzer.report.TraceReport.DialogView;
import io.trunkguard.analyzer.report.TraceReport.LegView;
import io.trunkguard.analyzer.report.TraceReport.MediaView;
import io.trunkguard.analyzer.report.TraceReport.PacketsView;
import io.trunkguard.analyzer.report.TraceReport.Stats;
import io.trunkguard.analyzer.report.TraceReport.Summary;
import io.trunkguard.analyzer.report.TraceReport.TlsView;
import io.trunkguard.analyzer.rules.Finding;
import io.trunkguard.analyzer.rules.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written JSON writer against Jackson's pretty printer on the same records:
 * awkward strings (quotes, backslashes, control characters, non-ASCII), nulls everywhere
 * they may be, empty lists and maps, NaN. The corpus reports are compared the same way in
 * {@link ReportSchemaTest}.
 */
class JsonReportTest {

	private static final ObjectMapper JACKSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

	static String jackson(TraceReport report) throws JsonProcessingException {
		return JACKSON.writeValueAsString(report);
	}

	private static final String AWKWARD = "\"Alice\" <sip:a\\b@x>;tag=1\t\r\n\b\f\u0000\u0001\u001f\u007f é 日本 \uD83D\uDE00 /";

	private static TraceReport full(String s, Double entropy) {
		Map<String, Long> counts = new TreeMap<>(Map.of("INVITE", 3L, s, 1L));
		Map<String, Long> severities = new LinkedHashMap<>();
		severities.put("HIGH", 2L);
		CertView cert = new CertView(s, s, "01ab", "2024-01-01T00:00:00Z", null, true, "RSA", 1024, "SHA1withRSA", true,
				false, "ff", List.of(s, "b"));
		TlsView tls = new TlsView("TLS 1.2", "0xc02f", s, "STRONG", null, List.of(), List.of(cert, cert), false, true,
				false, null, 4, 5, s, null);
		PacketsView packets = new PacketsView(10, 8, 1, 0, 1, 0, 0, List.of("0x0eaf0eaf"), Arrays.asList(0, null, 8), 2,
				9);
		MediaView media = new MediaView("M1", s, "audio", "RTP/AVP", null, "RTP/SAVP", "10.0.0.1:4000", null,
				List.of("10.0.0.1:4000", "[::1]:5"), List.of(), false, "actpass", true, false, null, null, packets,
				entropy, "UNPROTECTED", s);
		LegView leg = new LegView("L1", "TLS", "10.0.0.1:5061", "10.0.0.2:5061", 1, 20, "2024-01-01T00:00:00Z", 7,
				List.of(s), tls, List.of(media, media), "PARTLY_ENCRYPTED", s, List.of());
		DialogView dialog = new DialogView(s, s, null, "sip:b@x", List.of("INVITE", "ACK"), null, List.of(), null, 3, 1,
				9, null, List.of("M1"));
		Finding finding = new Finding("SIP_PLAINTEXT_SIGNALLING", Severity.HIGH, "CC6.7", "leg", "L1",
				List.of(1L, 2L, 3L), s, s, null);
		Stats stats = new Stats(1, 2, counts, new TreeMap<>(), counts, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
		Capture capture = new Capture(s, "ab", 100, true, "pcapng", null, "2024-01-01T00:00:00Z", 5,
				List.of("ETHERNET"), false, new DamageView(64, s, 5, null));
		return new TraceReport("1.0", new AnalyzerInfo("trunkguard-analyzer", "0.1.0"), capture, stats, List.of(dialog),
				List.of(leg, leg), List.of(media), List.of(finding), new Summary(2, 0, 2, 0, severities, s),
				List.of(s, ""));
	}

	@Test
	void writesAwkwardStringsAndNullsLikeJackson() throws IOException {
		TraceReport report = full(AWKWARD, 7.954);
		assertThat(JsonReport.toJson(report)).isEqualTo(jackson(report));
	}

	@Test
	void writesUtf8BytesLikeJackson() throws IOException {
		TraceReport report = full(AWKWARD, 0.5);
		ByteArrayOutputStream mine = new ByteArrayOutputStream();
		JsonReport.write(report, mine);
		assertThat(mine.toByteArray()).isEqualTo(JACKSON.writeValueAsBytes(report));
	}

	@Test
	void writesEmptyAndMissingPartsLikeJackson() throws IOException {
		TraceReport empty = new TraceReport("1.0", new AnalyzerInfo(null, null), null, null, List.of(),
				new ArrayList<>(), null, List.of(), new Summary(0, 0, 0, 0, Map.of(), ""), List.of());
		assertThat(JsonReport.toJson(empty)).isEqualTo(jackson(empty));
	}

	@Test
	void writesSpecialNumbersLikeJackson() throws IOException {
		for (Double d : new Double[] { null, Double.NaN, Double.POSITIVE_INFINITY, 1e-7, 8.0, 1e21 }) {
			TraceReport report = full("x", d);
			assertThat(JsonReport.toJson(report)).as("entropy %s", d).isEqualTo(jackson(report));
		}
	}

	@Test
	void writerOutputReadsBackAsTheSameStrings() throws IOException {
		TraceReport report = full(AWKWARD, 1.0);
		String back = JACKSON.readTree(JsonReport.toJson(report)).get("dialogs").get(0).get("callId").asText();
		assertThat(back).isEqualTo(AWKWARD);
		assertThat(JsonReport.toJson(report).getBytes(StandardCharsets.UTF_8)).isNotEmpty();
	}

}
