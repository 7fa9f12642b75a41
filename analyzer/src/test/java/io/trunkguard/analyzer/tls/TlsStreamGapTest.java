package io.trunkguard.analyzer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lossy captures: TCP segments the reassembly could not recover. The client of the
 * *-multi captures sent five lines, one record each ("LINE n OPTIONS ..."); the server
 * echoed them reversed.
 */
class TlsStreamGapTest {

	static String line(int n) {
		return "LINE " + n + " " + TlsCaptureTest.CLIENT;
	}

	static String lines(int... ns) {
		return IntStream.of(ns).mapToObj(TlsStreamGapTest::line).collect(Collectors.joining());
	}

	record Result(TlsConnection connection, String plainA, String plainB) {
	}

	/**
	 * Feeds payloads; a null payload stands for a gap on the side given by the next entry
	 * of gapSides.
	 */
	static Result feed(String capture, List<TestPcap.Payload> payloads) {
		TlsConnection c = TlsConnection.stream(TestPcap.keyLog(capture));
		ByteArrayOutputStream[] plain = { new ByteArrayOutputStream(), new ByteArrayOutputStream() };
		c.setPlaintextListener((side, buf, off, len, frame) -> plain[side.ordinal()].write(buf, off, len));
		for (TestPcap.Payload p : payloads) {
			if (p.bytes() == null) {
				c.onStreamGap(p.side(), p.frame());
			}
			else {
				c.onStreamData(p.side(), p.bytes(), 0, p.bytes().length, p.frame());
			}
		}
		return new Result(c, plain[0].toString(StandardCharsets.ISO_8859_1),
				plain[1].toString(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Index of the client payload whose decrypted text is line n, found with a clean run.
	 */
	static int indexOfLine(String capture, List<TestPcap.Payload> payloads, int n) {
		List<Long> frames = new ArrayList<>();
		TlsConnection c = TlsConnection.stream(TestPcap.keyLog(capture));
		c.setPlaintextListener((side, buf, off, len, frame) -> {
			if (side == Side.A
					&& new String(buf, off, len, StandardCharsets.ISO_8859_1).startsWith("LINE " + n + " ")) {
				frames.add(frame);
			}
		});
		payloads.forEach(p -> c.onStreamData(p.side(), p.bytes(), 0, p.bytes().length, p.frame()));
		assertThat(frames).hasSize(1);
		for (int i = 0; i < payloads.size(); i++) {
			if (payloads.get(i).frame() == frames.get(0)) {
				return i;
			}
		}
		throw new AssertionError("line " + n + " not found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tls12-multi", "tls13-multi", "tls12-multi-cbc" })
	void decryptsEveryLineWithoutLoss(String capture) {
		Result r = feed(capture, TestPcap.payloads(capture));
		assertThat(r.plainA()).isEqualTo(lines(1, 2, 3, 4, 5));
		assertThat(r.plainB()).hasSize(r.plainA().length());
	}

	@ParameterizedTest
	@ValueSource(strings = { "tls12-multi", "tls13-multi", "tls12-multi-cbc" })
	void skipsTheRecordLostInAGapAndDecryptsTheRest(String capture) {
		List<TestPcap.Payload> payloads = new ArrayList<>(TestPcap.payloads(capture));
		int i = indexOfLine(capture, payloads, 2);
		TestPcap.Payload lost = payloads.get(i);
		payloads.set(i, new TestPcap.Payload(lost.frame(), Side.A, null));

		Result r = feed(capture, payloads);

		assertThat(r.plainA()).isEqualTo(lines(1, 3, 4, 5));
		assertThat(r.plainB()).hasSize(lines(1, 2, 3, 4, 5).length()); // the server's
																		// direction lost
																		// nothing
		assertThat(r.connection().facts().damage()).isNull();
		assertThat(r.connection().facts().decryptionProblem()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tls12-multi", "tls13-multi", "tls12-multi-cbc" })
	void resynchronisesWhenTheGapEndsInsideARecord(String capture) {
		List<TestPcap.Payload> payloads = new ArrayList<>(TestPcap.payloads(capture));
		int two = indexOfLine(capture, payloads, 2);
		int three = indexOfLine(capture, payloads, 3);
		TestPcap.Payload p2 = payloads.get(two);
		TestPcap.Payload p3 = payloads.get(three);
		// the end of line 2's segment and the start of line 3's are lost
		payloads.set(two, new TestPcap.Payload(p2.frame(), Side.A, Arrays.copyOf(p2.bytes(), p2.bytes().length / 2)));
		payloads.set(three, new TestPcap.Payload(p3.frame(), Side.A,
				Arrays.copyOfRange(p3.bytes(), p3.bytes().length / 2, p3.bytes().length)));
		payloads.add(three, new TestPcap.Payload(p3.frame(), Side.A, null));

		Result r = feed(capture, payloads);

		assertThat(r.plainA()).isEqualTo(lines(1, 4, 5));
		assertThat(r.connection().skippedBytes(Side.A)).isPositive();
		assertThat(r.connection().facts().damage()).isNull();
		assertThat(r.connection().facts().decryptionProblem()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tls12-multi", "tls13-multi" })
	void withoutBeingToldOfTheGapDecryptionStopsWithAReasonAndNoException(String capture) {
		List<TestPcap.Payload> payloads = new ArrayList<>(TestPcap.payloads(capture));
		payloads.remove(indexOfLine(capture, payloads, 2));

		Result r = feed(capture, payloads);

		assertThat(r.plainA()).isEqualTo(lines(1)); // the sequence numbers no longer
													// match
		assertThat(r.connection().facts().decryptionProblem()).contains("side A");
		assertThat(r.connection().facts().damage()).isNull();
	}

}
