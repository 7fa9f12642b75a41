package io.trunkguard.trace.integration;

import io.trunkguard.analyzer.cli.Main;
import io.trunkguard.trace.AnalysisRequest;
import io.trunkguard.trace.AnalysisResult;
import io.trunkguard.trace.CaptureAnalysisFailed;
import io.trunkguard.trace.LegVerdict;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analyzer port on real captures (the analyzer's own fixtures, made by real SIP
 * stacks): the report is the command line's {@code --json} byte for byte, the data drawn
 * from it matches it, progress is reported, damage is described, and the time limit stops
 * an analysis.
 */
class AnalyzerLibraryTest {

	static final Path CAPTURES = Path.of("../analyzer/src/test/resources/captures");

	AnalyzerLibrary library = new AnalyzerLibrary();

	@Test
	void answersTheReportTheCommandLinePrintsWithJson() throws Exception {
		Path capture = CAPTURES.resolve("sip-tls12-plain-rtp.pcapng");
		Path keyLog = CAPTURES.resolve("sip-tls12-plain-rtp.pcapng.keylog");

		AnalysisResult result = library.analyse(request(capture, keyLog, Duration.ofMinutes(1)), bytes -> {
		});

		assertThat(result.reportJson().strip()).isEqualTo(cli(capture, "--keylog", keyLog.toString()).strip());
		assertThat(result.schemaVersion()).isEqualTo("1.0");
		assertThat(result.capture().complete()).isTrue();
		assertThat(result.capture().firstPacketAt()).isNotNull();
		assertThat(result.legs()).isNotEmpty()
			.allSatisfy(leg -> assertThat(leg.verdict()).isEqualTo(LegVerdict.PARTLY_ENCRYPTED))
			.allSatisfy(leg -> assertThat(leg.tlsVersion()).isEqualTo("TLS 1.2"));
		assertThat(result.legs()).anySatisfy(leg -> assertThat(leg.plainMedia()).isTrue());
		assertThat(result.findings()).extracting(AnalysisResult.FindingFacts::ruleId).contains("MEDIA_PLAIN_RTP");
		assertThat(result.certificates()).isNotEmpty()
			.allSatisfy(cert -> assertThat(cert.sha256Fingerprint()).hasSize(64));
	}

	@Test
	void reportsProgressUpToTheWholeFile() throws Exception {
		Path capture = CAPTURES.resolve("sip-udp-call.pcapng");
		List<Long> progress = new ArrayList<>();

		library.analyse(request(capture, null, Duration.ofMinutes(1)), progress::add);

		assertThat(progress).isNotEmpty();
		assertThat(progress.get(progress.size() - 1)).isEqualTo(Files.size(capture));
	}

	@Test
	void describesTheDamageOfATruncatedCaptureInsteadOfFailing() throws Exception {
		Path whole = CAPTURES.resolve("sip-udp-call.pcapng");
		byte[] bytes = Files.readAllBytes(whole);
		Path truncated = Files.createTempFile("truncated-", ".pcapng");
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
		try {
			AnalysisResult result = library.analyse(request(truncated, null, Duration.ofMinutes(1)), b -> {
			});
			assertThat(result.capture().complete()).isFalse();
			assertThat(result.capture().damage()).startsWith("Damaged from byte ");
			assertThat(result.capture().packets()).isPositive();
			assertThat(result.reportJson()).contains("\"damage\"");
		}
		finally {
			Files.deleteIfExists(truncated);
		}
	}

	@Test
	void reportsTheHashOfTheWriterThatHashedTheBytesAlready() throws Exception {
		Path capture = CAPTURES.resolve("sip-udp-call.pcapng");
		AnalysisResult own = library.analyse(request(capture, null, Duration.ofMinutes(1)), b -> {
		});
		List<String> asked = new ArrayList<>();
		AnalysisRequest hashed = new AnalysisRequest(capture.getFileName().toString(), new FileSystemResource(capture),
				null, List.of(), Duration.ofMinutes(1), () -> {
					asked.add("asked");
					return own.capture().sha256();
				});

		AnalysisResult result = library.analyse(hashed, b -> {
		});

		assertThat(asked).hasSize(1);
		assertThat(result.capture().sha256()).isEqualTo(own.capture().sha256()).hasSize(64);
		assertThat(withoutToday(result.reportJson())).isEqualTo(withoutToday(own.reportJson()));
	}

	/**
	 * The report apart from the run's own "today" (certificate expiry is judged against
	 * it).
	 */
	static String withoutToday(String json) {
		return json.replaceAll("today \\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "today X");
	}

	@Test
	void dropsAnAnalysisWhoseBytesWereNeverStoredWhole() {
		Path capture = CAPTURES.resolve("sip-udp-call.pcapng");
		AnalysisRequest unstored = new AnalysisRequest(capture.getFileName().toString(),
				new FileSystemResource(capture), null, List.of(), Duration.ofMinutes(1), () -> null);

		assertThatThrownBy(() -> library.analyse(unstored, b -> {
		})).isInstanceOf(CaptureAnalysisFailed.class).hasMessageContaining("never stored whole");
	}

	@Test
	void stopsAnAnalysisPastItsTimeLimit() {
		Path capture = CAPTURES.resolve("sip-udp-call.pcapng");

		assertThatThrownBy(() -> library.analyse(request(capture, null, Duration.ZERO), b -> {
		})).isInstanceOf(CaptureAnalysisFailed.class).hasMessageContaining("time limit");
	}

	@Test
	void failsWithASentenceWhenTheStoredFileCannotBeRead() {
		Path missing = CAPTURES.resolve("no-such-capture.pcap");

		assertThatThrownBy(() -> library.analyse(request(missing, null, Duration.ofMinutes(1)), b -> {
		})).isInstanceOf(CaptureAnalysisFailed.class)
			.hasMessageStartingWith("The stored capture file could not be read");
	}

	static AnalysisRequest request(Path capture, Path keyLog, Duration limit) {
		return new AnalysisRequest(capture.getFileName().toString(), new FileSystemResource(capture),
				keyLog == null ? null : new FileSystemResource(keyLog), List.of(), limit);
	}

	static String cli(Path capture, String... options) {
		List<String> args = new ArrayList<>(List.of(capture.toString(), "--json"));
		args.addAll(List.of(options));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

}
