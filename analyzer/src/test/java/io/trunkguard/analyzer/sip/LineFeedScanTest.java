package io.trunkguard.analyzer.sip;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eight-bytes-at-a-time line feed search and the header end agree with a byte-by-byte
 * scan.
 */
class LineFeedScanTest {

	private static int naiveIndexOfLf(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static int naiveHeaderEnd(byte[] b, int off, int len) {
		int end = off + Math.min(len, SipParser.MAX_HEADER);
		for (int i = off; i + 1 < end; i++) {
			if (b[i] == '\n') {
				if (b[i + 1] == '\n') {
					return i + 2;
				}
				if (b[i + 1] == '\r' && i + 2 < end && b[i + 2] == '\n') {
					return i + 3;
				}
			}
		}
		return -1;
	}

	@Test
	void findsTheSameLineFeedsAndHeaderEndsAsAByteByByteScan() {
		Random random = new Random(11);
		byte[] likely = { '\n', '\r', 'a', (byte) 0x8A, 0x0B, 0x09, (byte) 0xFF, 0, 0x0A };
		for (int t = 0; t < 50_000; t++) {
			byte[] b = new byte[random.nextInt(48)];
			for (int i = 0; i < b.length; i++) {
				b[i] = random.nextInt(3) == 0 ? likely[random.nextInt(likely.length)] : (byte) random.nextInt(256);
			}
			int from = random.nextInt(b.length + 1);
			int to = from + random.nextInt(b.length - from + 1);
			assertThat(SipParser.indexOfLf(b, from, to)).isEqualTo(naiveIndexOfLf(b, from, to));
			assertThat(SipParser.headerEnd(b, from, b.length - from))
				.isEqualTo(naiveHeaderEnd(b, from, b.length - from));
		}
	}

}
