package io.trunkguard.analyzer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trunkguard.analyzer.report.JsonReport;
import io.trunkguard.analyzer.report.TextSummary;
import io.trunkguard.analyzer.report.TraceReport;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the whole pipeline (reader, decoders, reassembly, SIP/SDP/TLS/RTP, correlation,
 * rules, report) with internal errors rethrown, so any exception a parser lets escape is
 * a finding. Runs the seeds in {@code PipelineFuzzTestInputs/} during normal test runs;
 * fuzz for real with {@code JAZZER_FUZZ=1} (see the module README).
 */
class PipelineFuzzTest {

	private static final Options OPTIONS = Options.defaults().withFailFast(true);

	@FuzzTest(maxDuration = "60s")
	void analyzesAnyBytesWithoutThrowing(byte[] data) {
		TraceReport report = TraceAnalyzer.analyze(new ByteArrayInputStream(data), OPTIONS);
		assertThat(report.capture().sizeBytes()).isEqualTo(data.length);
		assertThat(report.stats().internalErrors()).isZero();
		if (report.capture().damage() != null) {
			assertThat(report.capture().damage().offset()).isNotNegative();
			assertThat(report.capture().damage().packetsBefore()).isEqualTo(report.capture().packets());
		}
		assertThat(JsonReport.toJson(report)).startsWith("{");
		assertThat(TextSummary.render(report)).contains(report.capture().sha256());
	}

}
