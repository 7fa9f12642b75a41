package io.trunkguard.analyzer.text;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatTest {

	private static void same(String pattern, Object... args) {
		assertThat(Format.of(pattern, args)).as(pattern).isEqualTo(String.format(Locale.ROOT, pattern, args));
	}

	@Test
	void fixedPointIsFormattersOnDoublesOfEveryKind() {
		Random random = new Random(15);
		double[] edges = { 0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.005, 1.005, 2.675, 7.995, 7.9949999, 255.5, 254.5, 1e-9,
				-0.001, -1.005, 99.995, 1e15 + 0.5, 1e20, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
				Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
		for (double d : edges) {
			same("%.2f", d);
			same("%.0f", d);
		}
		for (int i = 0; i < 40_000; i++) {
			double d = switch (i % 4) {
				case 0 -> random.nextDouble() * 8; // bits per byte
				case 1 -> random.nextDouble() * 1000; // chi-square, percentages
				case 2 -> Math.round(random.nextDouble() * 100_000) / 1000.0 + 0.0005; // near
																						// halves
				default -> random.nextInt(10_000) / 8.0; // exact halves and quarters
			};
			same("%.2f", d);
			same("%.0f", d);
		}
	}

	@Test
	void theEvidencePatternsAreFormattersWithTheirArguments() {
		same("; payload entropy %.2f bits/byte over %d bytes", 7.994, 123456L);
		same("payload type %d: %.0f%% of %d payloads are %d bytes, %d more than the %d bytes of %s"
				+ " for their %s-tick duration: the SRTP authentication tag (%s)%s", 18, 99.5, 4000, 30, 10, 20,
				"G.729", "160", "HMAC-SHA1-80", "");
		same("the first payload byte takes %d values over %d packets (0x%02x in %.0f%%; random bytes would take ~%.0f)",
				3, 500, 0x7c, 98.0, 212.3);
		same("0x%08x", 0xDEADBEEFL);
		same("0x%08x", 0x1L);
		same("0x%04x", 0x2f);
		same("0x%04X", 0xc02f);
		same("0x%02x", 0);
		same("%d RTP packets with G.711 payload types %s whose payload entropy is %.2f bits/byte over %d bytes: %s", 10,
				java.util.List.of(0, 8), 7.25, 4096, "audio samples, so plain RTP");
		same("100%% and %s", (Object) null);
	}

	@Test
	void refusesWhatItDoesNotImplement() {
		assertThatThrownBy(() -> Format.of("%-5s", "a")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Format.of("%e", 1.0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Format.of("%d", 1.0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Format.of("%d %d", 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Format.of("%d", 1, 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Format.of("50%", 1)).isInstanceOf(IllegalArgumentException.class);
	}

}
