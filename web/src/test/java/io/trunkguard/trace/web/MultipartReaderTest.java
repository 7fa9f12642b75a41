package io.trunkguard.trace.web;

import io.trunkguard.trace.web.MultipartReader.MalformedMultipartException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streamed multipart reader of capture uploads: bodies as curl and browsers send
 * them, read through the smallest buffer and in pieces of every size, so that delimiters,
 * headers and line breaks fall across reads; and the malformed bodies it must refuse.
 */
class MultipartReaderTest {

	static final String BOUNDARY = "------------------------d74496d66958873e";

	@Test
	void readsFieldsBeforeAndAfterAFileLargerThanItsBuffer() throws IOException {
		byte[] file = random(300_000, 1);
		byte[] body = new Body().field("label", "carrier-trunk")
			.file("file", "trunk.pcapng", file)
			.field("internal", "10.0.0.0/8")
			.field("internal", "192.168.0.0/16")
			.end();

		List<Read> parts = readAll(new ByteArrayInputStream(body), 0, 64 * 1024);

		assertThat(parts).extracting(Read::name).containsExactly("label", "file", "internal", "internal");
		assertThat(parts.get(0).text()).isEqualTo("carrier-trunk");
		assertThat(parts.get(0).fileName()).isNull();
		assertThat(parts.get(1).fileName()).isEqualTo("trunk.pcapng");
		assertThat(parts.get(1).contentType()).isEqualTo("application/octet-stream");
		assertThat(parts.get(1).content()).isEqualTo(file);
		assertThat(parts.get(3).text()).isEqualTo("192.168.0.0/16");
	}

	@Test
	void findsEveryDelimiterWhereverTheReadsSplitIt() throws IOException {
		byte[] file = random(70_000, 2);
		byte[] body = new Body().file("file", "a.pcap", file).field("label", "other").end();
		for (int piece = 1; piece <= 97; piece += 3) {
			for (int callerBuffer : new int[] { 1, 7, 4096, 1 << 20 }) {
				List<Read> parts = readAll(new Trickle(body, piece), 0, callerBuffer);

				assertThat(parts).extracting(Read::name).containsExactly("file", "label");
				assertThat(parts.get(0).content()).as("piece %d, caller buffer %d", piece, callerBuffer)
					.isEqualTo(file);
				assertThat(parts.get(1).text()).isEqualTo("other");
			}
		}
	}

	@Test
	void keepsContentThatAlmostMatchesTheDelimiterOrEndsWithLineBreaks() throws IOException {
		String almost = "\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1);
		List<byte[]> contents = List.of(bytes("\r\n"), bytes("\r"), bytes("\n"), bytes("--"), bytes("\r\n--"),
				bytes(almost), bytes(almost + "X\r\n"), bytes(""), bytes("\r\n\r\n" + almost + "\r\n"));
		for (byte[] content : contents) {
			byte[] body = new Body().file("file", "edge.pcap", content).field("label", "other").end();

			List<Read> parts = readAll(new Trickle(body, 5), 0, 3);

			assertThat(parts).extracting(Read::name).containsExactly("file", "label");
			assertThat(parts.get(0).content()).as(new String(content, StandardCharsets.ISO_8859_1)).isEqualTo(content);
		}
	}

	@Test
	void skipsThePreambleTransportPaddingAndTheEpilogue() throws IOException {
		String body = "a preamble a client may send\r\n--" + BOUNDARY + "  \t\r\n"
				+ "Content-Disposition: form-data; name=\"label\"\r\n\r\ninternal-pbx\r\n--" + BOUNDARY
				+ "--\r\nan epilogue, ignored";

		List<Read> parts = readAll(new ByteArrayInputStream(bytes(body)), 0, 100);

		assertThat(parts).extracting(Read::text).containsExactly("internal-pbx");
	}

	@Test
	void acceptsAClosingDelimiterWithoutAFinalLineBreak() throws IOException {
		byte[] body = bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\nother\r\n--"
				+ BOUNDARY + "--");

		assertThat(readAll(new ByteArrayInputStream(body), 0, 100)).extracting(Read::text).containsExactly("other");
	}

	@Test
	void skipsThePartsTheCallerDoesNotRead() throws IOException {
		byte[] body = new Body().file("ignored", "big.bin", random(200_000, 3)).field("label", "webrtc-gateway").end();
		MultipartReader reader = new MultipartReader(new Trickle(body, 1000), BOUNDARY, 0);

		assertThat(reader.next().name()).isEqualTo("ignored");
		MultipartReader.Part label = reader.next();
		assertThat(new String(label.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("webrtc-gateway");
		assertThat(reader.next()).isNull();
		assertThat(reader.next()).isNull();
	}

	@Test
	void readsQuotedNamesWithEscapesAndTheBoundaryFromTheContentType() throws IOException {
		assertThat(MultipartReader.boundaryOf("multipart/form-data; boundary=" + BOUNDARY)).isEqualTo(BOUNDARY);
		assertThat(MultipartReader.boundaryOf("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c\""))
			.isEqualTo("a b:c");
		assertThat(MultipartReader.parameter("form-data; name=\"file\"; filename=\"a \\\"quoted\\\" name.pcap\"",
				"filename"))
			.isEqualTo("a \"quoted\" name.pcap");
		assertThat(MultipartReader.parameter("form-data; name=file; filename=\"x;y.pcap\"", "name")).isEqualTo("file");
		assertThat(MultipartReader.parameter("form-data; name=file; filename=\"x;y.pcap\"", "filename"))
			.isEqualTo("x;y.pcap");
		assertThat(MultipartReader.parameter("form-data; name=\"label\"", "filename")).isNull();
		assertThat(MultipartReader.parameter("form-data; name=\"file\"; filename=\"\"", "filename")).isEmpty();
	}

	@Test
	void refusesAContentTypeWithoutABoundary() {
		assertThatThrownBy(() -> MultipartReader.boundaryOf("multipart/form-data"))
			.isInstanceOf(MalformedMultipartException.class)
			.hasMessage("the multipart content type names no boundary");
		assertThatThrownBy(() -> MultipartReader.boundaryOf("application/json"))
			.isInstanceOf(MalformedMultipartException.class);
		assertThatThrownBy(() -> MultipartReader.boundaryOf(null)).isInstanceOf(MalformedMultipartException.class);
	}

	@Test
	void refusesABodyThatEndsBeforeItsClosingDelimiter() throws IOException {
		byte[] whole = new Body().file("file", "cut.pcap", random(100_000, 4)).end();
		for (int cut : new int[] { 50_000, whole.length - BOUNDARY.length() - 6, whole.length - 3 }) {
			byte[] body = java.util.Arrays.copyOf(whole, cut);
			MultipartReader reader = new MultipartReader(new Trickle(body, 999), BOUNDARY, 0);
			MultipartReader.Part file = reader.next();

			assertThatThrownBy(() -> {
				file.content().readAllBytes();
				reader.next();
			}).as("cut at %d", cut).isInstanceOf(MalformedMultipartException.class);
		}
	}

	@Test
	void refusesABoundaryLineWithGarbageAfterIt() throws IOException {
		byte[] body = bytes("--" + BOUNDARY + "garbage\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--"
				+ BOUNDARY + "--\r\n");

		assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(body), BOUNDARY, 0).next())
			.isInstanceOf(MalformedMultipartException.class)
			.hasMessage("a boundary line is not followed by a line break");
	}

	@Test
	void refusesABodyWithoutItsBoundaryAndAPartWithoutAName() throws IOException {
		assertThatThrownBy(
				() -> new MultipartReader(new ByteArrayInputStream(bytes("just some bytes")), BOUNDARY, 0).next())
			.hasMessage("the body has no multipart boundary");
		byte[] nameless = bytes("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--");
		assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(nameless), BOUNDARY, 0).next())
			.hasMessage("a part has no Content-Disposition with a field name");
	}

	@Test
	void refusesHeadersLongerThanTheLimit() throws IOException {
		String longHeader = "X-Padding: " + "p".repeat(MultipartReader.MAX_HEADER_BYTES) + "\r\n";
		byte[] body = bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n" + longHeader
				+ "\r\nx\r\n--" + BOUNDARY + "--");

		assertThatThrownBy(() -> new MultipartReader(new Trickle(body, 100), BOUNDARY, 0).next())
			.isInstanceOf(MalformedMultipartException.class)
			.hasMessageContaining("longer than");
	}

	private static List<Read> readAll(InputStream in, int bufferBytes, int callerBuffer) throws IOException {
		MultipartReader reader = new MultipartReader(in, BOUNDARY, bufferBytes);
		List<Read> parts = new ArrayList<>();
		for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			byte[] buffer = new byte[callerBuffer];
			for (int n = part.content().read(buffer); n >= 0; n = part.content().read(buffer)) {
				content.write(buffer, 0, n);
			}
			parts.add(new Read(part.name(), part.fileName(), part.contentType(), content.toByteArray()));
		}
		return parts;
	}

	record Read(String name, String fileName, String contentType, byte[] content) {

		String text() {
			return new String(content, StandardCharsets.UTF_8);
		}

	}

	/** A body as curl writes it. */
	static final class Body {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Body field(String name, String value) {
			write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n");
			return this;
		}

		Body file(String name, String fileName, byte[] content) {
			write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			out.writeBytes(content);
			write("\r\n");
			return this;
		}

		byte[] end() {
			write("--" + BOUNDARY + "--\r\n");
			return out.toByteArray();
		}

		private void write(String text) {
			out.writeBytes(bytes(text));
		}

	}

	/** Hands a body out a few bytes per read, as a slow network does. */
	static final class Trickle extends InputStream {

		private final byte[] body;

		private final int piece;

		private int at;

		Trickle(byte[] body, int piece) {
			this.body = body;
			this.piece = piece;
		}

		@Override
		public int read() {
			return at < body.length ? body[at++] & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (at >= body.length) {
				return -1;
			}
			int n = Math.min(Math.min(len, piece), body.length - at);
			System.arraycopy(body, at, b, off, n);
			at += n;
			return n;
		}

	}

	private static byte[] random(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		// sprinkle line breaks and dashes so that near-delimiters occur inside the file
		for (int i = 0; i + 4 < size; i += 997) {
			bytes[i] = '\r';
			bytes[i + 1] = '\n';
			bytes[i + 2] = '-';
			bytes[i + 3] = '-';
		}
		return bytes;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
