package io.trunkguard.analyzer.report;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.TraceAnalyzer;
import io.trunkguard.analyzer.report.TraceReport.MediaView;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A media stream attached to several legs is judged and built into the report once, and
 * the JSON writer writes it once and repeats the text: on the bench capture a stream sits
 * on up to 47 legs, and rebuilding and rewriting it per leg was most of the run's
 * single-threaded end.
 */
class ReportBuilderTest {

	/**
	 * Plain RTP under TLS signalling: the stream, judged by its packets, is on both legs.
	 */
	private static final Path CAPTURE = Path.of("src/test/resources/captures/sip-tls12-plain-rtp.pcapng");

	@Test
	void aStreamOnTwoLegsIsOneViewWrittenAsJacksonWritesIt() throws IOException {
		TraceReport report = TraceAnalyzer.analyze(CAPTURE, Options.defaults());
		List<MediaView> views = report.legs()
			.stream()
			.flatMap(l -> l.media().stream())
			.filter(m -> m.id().equals("U1"))
			.toList();
		assertThat(views).hasSize(2);
		assertThat(views.get(1)).isSameAs(views.get(0));
		assertThat(views.get(0).protection()).isEqualTo("UNPROTECTED");
		assertThat(JsonReport.toJson(report)).isEqualTo(JsonReportTest.jackson(report));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		JsonReport.write(report, bytes);
		assertThat(bytes.toByteArray()).isEqualTo(JsonReport.mapper().writeValueAsBytes(report));
	}

}
