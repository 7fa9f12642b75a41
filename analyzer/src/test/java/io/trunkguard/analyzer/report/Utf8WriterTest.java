package io.trunkguard.analyzer.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's UTF-8 writer gives the bytes the JDK's encoder gives. */
class Utf8WriterTest {

	static byte[] ours(String s) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		Utf8Writer w = new Utf8Writer(b);
		// in pieces, so runs cross the buffer's end and pairs cross calls
		for (int i = 0; i < s.length(); i += 7) {
			w.write(s, i, Math.min(7, s.length() - i));
		}
		w.write('!');
		w.flush();
		return b.toByteArray();
	}

	static byte[] jdk(String s) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		OutputStreamWriter w = new OutputStreamWriter(b, StandardCharsets.UTF_8);
		w.write(s);
		w.write('!');
		w.flush();
		return b.toByteArray();
	}

	@Test
	void asciiTwoThreeAndFourByteCharactersAsTheJdkEncodesThem() throws IOException {
		String s = "sip:alice@example.com ü € 日本 \uD83D\uDE00 end";
		assertThat(ours(s)).isEqualTo(jdk(s));
	}

	@Test
	void unpairedSurrogatesBecomeQuestionMarks() throws IOException {
		String s = "a\uD83Db \uDE00c";
		assertThat(ours(s)).isEqualTo(jdk(s));
	}

	@Test
	void moreThanOneBufferOfText() throws IOException {
		String s = "x€".repeat(50_000);
		assertThat(ours(s)).isEqualTo(jdk(s));
	}

}
