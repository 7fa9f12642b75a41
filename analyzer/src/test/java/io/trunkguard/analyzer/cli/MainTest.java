package io.trunkguard.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.analyzer.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void printsTheSummary() {
		int code = run(Corpus.publicCapture("heplify-sip_ipv4_tcp.pcap").toString());
		assertThat(code).isZero();
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("SHA-256", "L1", "TCP", "UNENCRYPTED", "SIP_PLAINTEXT_SIGNALLING", "MEDIA_PLAIN_RTP");
	}

	@Test
	void printsOnlyJsonOnStandardOutputWithJson() throws IOException {
		int code = run(Corpus.publicCapture("heplify-sip_ipv4_tcp.pcap").toString(), "--json");
		assertThat(code).isZero();
		JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(json.get("schemaVersion").asText()).isEqualTo("1.0");
		assertThat(json.get("legs").get(0).get("verdict").asText()).isEqualTo("UNENCRYPTED");
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("analysed");
	}

	@Test
	void failsClearlyForMissingOrUnreadableFiles(@TempDir Path dir) {
		assertThat(run(dir.resolve("missing.pcap").toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read capture file").contains("no such file");
		assertThat(out.size()).isZero();
		err.reset();
		assertThat(run(dir.toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a readable file");
	}

	@Test
	void rejectsUsageErrors() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("--keylog")).isEqualTo(2);
		assertThat(run("a.pcap", "--bogus")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
	}

	@Test
	void reportsDamagedCaptureButSucceeds(@TempDir Path dir) throws IOException {
		Path cap = dir.resolve("cut.pcap");
		byte[] whole = Files.readAllBytes(Corpus.publicCapture("heplify-sip_ipv4_tcp.pcap"));
		Files.write(cap, java.util.Arrays.copyOf(whole, 5000));
		assertThat(run(cap.toString())).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("DAMAGED");
	}

	@Test
	void summarisesAFileWithoutPacketsWithoutNullTimestamps(@TempDir Path dir) throws IOException {
		Path notACapture = dir.resolve("notes.pcap");
		Files.writeString(notACapture, "garbage\n");
		assertThat(run(notACapture.toString())).isZero();
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("Packets   0; link types []", "DAMAGED   at byte 0").doesNotContain("null");
	}

	@Test
	void readOnlyFramesRecordsWithoutAnalysis() throws IOException {
		assertThat(run(Corpus.publicCapture("heplify-sip_ipv4_tcp.pcap").toString(), "--read-only", "--json")).isZero();
		JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(json.get("capture").get("packets").asInt()).isEqualTo(84);
		assertThat(json.get("stats").get("sipMessages").asInt()).isZero();
	}

}
