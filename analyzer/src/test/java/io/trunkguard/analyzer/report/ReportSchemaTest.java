package io.trunkguard.analyzer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.TraceAnalyzer;
import io.trunkguard.analyzer.testing.Corpus;
import io.trunkguard.analyzer.testing.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every report the analyzer writes validates against the shipped JSON Schema. */
class ReportSchemaTest {

	static final ObjectMapper JSON = new ObjectMapper();

	static SchemaValidator validator() throws IOException {
		try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/trace-report.schema.json")) {
			return new SchemaValidator(JSON.readTree(in));
		}
	}

	static Stream<Path> captures() throws IOException, URISyntaxException {
		List<Path> all = new ArrayList<>();
		try (Stream<Path> s = Files.list(Corpus.root().resolve("public"))) {
			s.forEach(all::add);
		}
		Path fixtures = Path.of(ReportSchemaTest.class.getResource("/captures").toURI());
		try (Stream<Path> s = Files.list(fixtures)) {
			s.filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".md")).forEach(all::add);
		}
		Path tls = Path.of(ReportSchemaTest.class.getResource("/tls/captures").toURI());
		try (Stream<Path> s = Files.list(tls)) {
			s.filter(p -> p.toString().endsWith(".pcap")).forEach(all::add);
		}
		return all.stream().sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("captures")
	void reportValidatesAgainstTheSchemaAndMatchesJackson(Path capture) throws IOException {
		TraceReport report = TraceAnalyzer.analyze(capture, Options.defaults());
		String text = JsonReport.toJson(report);
		JsonNode json = JSON.readTree(text);
		assertThat(validator().validate(json)).isEmpty();
		// the hand-written writer must say exactly what Jackson says about the same
		// records
		assertThat(text).isEqualTo(JsonReportTest.jackson(report));
	}

	@Test
	void damagedReportValidatesToo() throws IOException {
		TraceReport report = TraceAnalyzer.analyze(new ByteArrayInputStream("not a capture".getBytes()),
				Options.defaults());
		assertThat(validator().validate(JSON.readTree(JsonReport.toJson(report)))).isEmpty();
		assertThat(JsonReport.toJson(report)).isEqualTo(JsonReportTest.jackson(report));
		assertThat(report.schemaVersion()).isEqualTo(TraceReport.SCHEMA_VERSION);
	}

	@Test
	void validatorRejectsAReportThatBreaksTheSchema() throws IOException {
		TraceReport report = TraceAnalyzer.analyze(Corpus.publicCapture("heplify-sip_ipv4_tcp.pcap"),
				Options.defaults());
		ObjectNode json = (ObjectNode) JSON.readTree(JsonReport.toJson(report));
		((ObjectNode) json.get("legs").get(0)).put("verdict", "MOSTLY_FINE");
		((ObjectNode) json.get("capture")).remove("sha256");
		json.put("extra", 1);
		assertThat(validator().validate(json)).hasSize(3)
			.anySatisfy(e -> assertThat(e).contains("$.legs[0].verdict"))
			.anySatisfy(e -> assertThat(e).contains("sha256"))
			.anySatisfy(e -> assertThat(e).contains("$.extra"));
	}

}
