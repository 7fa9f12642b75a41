package io.trunkguard.analyzer;

import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.testing.CaptureWriter;
import io.trunkguard.analyzer.testing.Corpus;
import io.trunkguard.analyzer.testing.Packets;
import io.trunkguard.analyzer.testing.Sip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged captures yield a report saying where the damage starts and what was analysed
 * before it.
 */
@Timeout(30)
class DamagedInputTest {

	static final Path CAPTURE = Corpus.publicCapture("heplify-sip_ipv4_tcp.pcap");

	static TraceReport analyze(byte[] bytes) {
		return TraceAnalyzer.analyze(new ByteArrayInputStream(bytes), Options.defaults());
	}

	static byte[] call() {
		CaptureWriter w = CaptureWriter.linkType(1);
		String[] msgs = { Sip.request("INVITE", "sip:bob@example.com", "d1", 1, "", ""),
				Sip.response(200, "OK", "INVITE", "d1", 1, "", ""),
				Sip.request("ACK", "sip:bob@example.com", "d1", 1, "", "") };
		long t = 1_700_000_000_000_000_000L;
		for (String m : msgs) {
			w.add(t += 1_000_000, Packets.ethernet(0x0800,
					Packets.ipv4("10.0.0.1", "10.0.0.2", 17, Packets.udp(5060, 5060, Packets.ascii(m)))));
		}
		return w.pcap();
	}

	@Test
	void reportsTruncatedCaptureWithOffset() throws IOException {
		byte[] whole = Files.readAllBytes(CAPTURE);
		byte[] cut = Arrays.copyOf(whole, whole.length - 30);
		TraceReport r = analyze(cut);
		assertThat(r.capture().complete()).isFalse();
		assertThat(r.capture().damage().description()).contains("truncated record");
		assertThat(r.capture().damage().packetsBefore()).isEqualTo(83);
		assertThat(r.capture().packets()).isEqualTo(83);
		assertThat(r.capture().sizeBytes()).isEqualTo(cut.length);
		assertThat(r.stats().sipMessages()).isEqualTo(7); // the cut frame is a TCP ACK:
															// every SIP message precedes
															// it
	}

	@Test
	void reportsGarbageAppendedAfterTheLastPacket() {
		byte[] good = call();
		byte[] garbage = new byte[500];
		new java.util.Random(1).nextBytes(garbage);
		byte[] file = Packets.concat(good, garbage);
		TraceReport r = analyze(file);
		assertThat(r.capture().damage()).isNotNull();
		assertThat(r.capture().damage().offset()).isEqualTo(good.length);
		assertThat(r.capture().damage().packetsBefore()).isEqualTo(3);
		assertThat(r.dialogs()).singleElement().satisfies(d -> assertThat(d.finalStatus()).isEqualTo(200));
	}

	@Test
	void reportsImpossibleLength() {
		byte[] file = call();
		// second record header: incl_len at offset 24 + 16 + len(first) + 8
		int firstLen = java.nio.ByteBuffer.wrap(file, 24 + 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
		int second = 24 + 16 + firstLen;
		file[second + 11] = 0x7F;
		TraceReport r = analyze(file);
		assertThat(r.capture().damage().offset()).isEqualTo(second);
		assertThat(r.capture().damage().description()).contains("impossible record length");
		assertThat(r.stats().sipMessages()).isEqualTo(1);
	}

	@Test
	void reportsNonCaptureFile() {
		TraceReport r = analyze("%PDF-1.7 this is a document, not a capture\n".getBytes());
		assertThat(r.capture().damage().offset()).isZero();
		assertThat(r.capture().damage().description()).contains("not a capture file");
		assertThat(r.capture().packets()).isZero();
		assertThat(r.capture().sha256()).hasSize(64);
	}

	@Test
	void reportsEmptyFile() {
		TraceReport r = analyze(new byte[0]);
		assertThat(r.capture().damage().description()).contains("empty file");
		assertThat(r.capture().sizeBytes()).isZero();
		assertThat(r.capture().sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void readsGzipAndHashesTheCompressedBytes() throws Exception {
		byte[] gz = gzip(Files.readAllBytes(CAPTURE));
		TraceReport r = analyze(gz);
		assertThat(r.capture().gzip()).isTrue();
		assertThat(r.capture().damage()).isNull();
		assertThat(r.stats().sipMessages()).isEqualTo(7);
		assertThat(r.capture().sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz)));
		assertThat(r.capture().sizeBytes()).isEqualTo(gz.length);
	}

	@Test
	void reportsTruncatedGzip() throws IOException {
		byte[] gz = gzip(Files.readAllBytes(CAPTURE));
		byte[] cut = Arrays.copyOf(gz, gz.length / 2);
		TraceReport r = analyze(cut);
		assertThat(r.capture().gzip()).isTrue();
		assertThat(r.capture().damage()).isNotNull();
		assertThat(r.capture().damage().description()).containsIgnoringCase("end of");
		assertThat(r.capture().packets()).isPositive().isLessThan(84);
		assertThat(r.capture().sizeBytes()).isEqualTo(cut.length);
	}

	@Test
	void gzipOfGarbageIsNotACapture() throws IOException {
		TraceReport r = analyze(gzip("just text".getBytes()));
		assertThat(r.capture().damage().description()).contains("not a capture file");
	}

	@Test
	void unreadableFileIsAnIoErrorNotAReport() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> TraceAnalyzer.analyze(Path.of("/nonexistent/capture.pcap"), Options.defaults()))
			.isInstanceOf(IOException.class);
	}

	static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream g = new GZIPOutputStream(out)) {
			g.write(data);
		}
		return out.toByteArray();
	}

}
