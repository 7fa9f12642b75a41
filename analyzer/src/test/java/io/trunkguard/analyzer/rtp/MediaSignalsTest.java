package io.trunkguard.analyzer.rtp;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each signal that decides a media verdict without SDP, fired and not fired, on payloads
 * built the way codecs and SRTP build them.
 */
class MediaSignalsTest {

	static final Random RANDOM = new Random(42);

	/**
	 * A shape of {@code packets} packets, two SSRCs alternating, {@code step} ticks each.
	 */
	static PayloadShape shape(int pt, int packets, int step, java.util.function.IntFunction<byte[]> payload) {
		PayloadShape s = new PayloadShape(pt);
		for (int i = 0; i < packets; i++) {
			int dir = i % 2;
			int k = i / 2;
			byte[] p = payload.apply(i);
			s.add(dir == 0 ? 0x1111L : 0x2222L, (dir == 0 ? 100 : 9000) + k, (long) step * k + dir * 77, p, 0,
					p.length);
		}
		return s;
	}

	static byte[] random(int n) {
		byte[] b = new byte[n];
		RANDOM.nextBytes(b);
		return b;
	}

	@Nested
	class FirstByteStructure {

		@Test
		void opusTocInClearIsPlain() {
			PayloadShape s = shape(111, 200, 960, i -> {
				byte[] p = random(60 + RANDOM.nextInt(80));
				p[0] = (byte) 0xfc; // SILK/CELT config, stereo flag, one frame
				return p;
			});
			MediaSignals.Judgement j = MediaSignals.judge(s);
			assertThat(j.finding()).isEqualTo(MediaSignals.Finding.PLAIN);
			assertThat(j.evidence()).contains("first payload byte takes 1 values over 200 packets").contains("0xfc");
		}

		@Test
		void opusUnderSrtpIsEncrypted() {
			PayloadShape s = shape(111, 200, 960, i -> random(70 + RANDOM.nextInt(80)));
			MediaSignals.Judgement j = MediaSignals.judge(s);
			assertThat(j.finding()).isEqualTo(MediaSignals.Finding.ENCRYPTED);
			assertThat(j.evidence()).contains("as ciphertext").contains("dynamic");
		}

		@Test
		void doesNotCallFewPacketsEitherWay() {
			PayloadShape s = shape(111, 10, 960, i -> random(80));
			assertThat(MediaSignals.judge(s).finding()).isEqualTo(MediaSignals.Finding.UNDECIDED);
		}

	}

	@Nested
	class AuthenticationTagShift {

		@Test
		void g729PlusTenBytesIsSrtp() {
			PayloadShape s = shape(18, 100, 160, i -> random(30));
			MediaSignals.Judgement j = MediaSignals.judge(s);
			assertThat(j.finding()).isEqualTo(MediaSignals.Finding.ENCRYPTED);
			assertThat(j.evidence()).contains("10 more than the 20 bytes of G.729").contains("HMAC-SHA1-80");
		}

		@Test
		void g722PlusFourBytesIsSrtpWithTheShortTag() {
			PayloadShape s = shape(9, 100, 160, i -> random(164));
			MediaSignals.Judgement j = MediaSignals.judge(s);
			assertThat(j.finding()).isEqualTo(MediaSignals.Finding.ENCRYPTED);
			assertThat(j.evidence()).contains("HMAC-SHA1-32");
		}

		@Test
		void g729ExactFramesArePlain() {
			PayloadShape s = shape(18, 100, 160, i -> random(20));
			MediaSignals.Judgement j = MediaSignals.judge(s);
			assertThat(j.finding()).isEqualTo(MediaSignals.Finding.PLAIN);
			assertThat(j.evidence()).contains("exactly the 20 bytes of G.729").contains("no room");
		}

		@Test
		void thirtyMillisecondG729IsNotTakenForTwentyPlusATag() {
			// 30 bytes is 20 ms + tag, or 30 ms plain: the timestamp step tells them
			// apart
			PayloadShape s = shape(18, 100, 240, i -> random(30));
			assertThat(MediaSignals.judge(s).finding()).isEqualTo(MediaSignals.Finding.PLAIN);
		}

		@Test
		void ilbcPlusTagOnADynamicTypeIsSrtpButExactIlbcIsUndecided() {
			assertThat(MediaSignals.judge(shape(97, 100, 240, i -> random(60))).finding())
				.isEqualTo(MediaSignals.Finding.ENCRYPTED);
			MediaSignals.Judgement exact = MediaSignals.judge(shape(97, 100, 240, i -> random(50)));
			assertThat(exact.finding()).isEqualTo(MediaSignals.Finding.UNDECIDED);
			assertThat(exact.evidence()).contains("G.726 or iLBC");
		}

	}

	@Nested
	class TelephoneEvents {

		/**
		 * RFC 4733 key presses as a stack sends them: per event one timestamp, the
		 * duration growing by 160 per packet, the last report sent three times with the
		 * end bit; {@code payload} may replace each 4-byte report (e.g. by its SRTP
		 * form).
		 */
		PayloadShape events(int digits, java.util.function.Function<byte[], byte[]> payload) {
			PayloadShape s = new PayloadShape(101);
			int seq = 500;
			long ts = 8000;
			for (int d = 0; d < digits; d++) {
				for (int k = 1; k <= 9; k++) {
					boolean end = k >= 7;
					int duration = 160 * Math.min(k, 7);
					byte[] report = { (byte) (d % 12), (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8),
							(byte) duration };
					byte[] p = payload.apply(report);
					s.add(0x1111L, seq, ts, p, 0, p.length);
					seq += 2; // the audio beside takes the sequence numbers between
				}
				ts += 4000;
			}
			return s;
		}

		@Test
		void rfc4733EventsInClearArePlainAndNamedByTheirFields() {
			MediaSignals.Judgement j = MediaSignals.judge(events(3, r -> r));
			assertThat(j.finding()).isEqualTo(MediaSignals.Finding.PLAIN);
			assertThat(j.decisive()).isTrue();
			assertThat(j.evidence()).contains("RFC 4733 telephone-events readable in clear")
				.contains("the end bit in 9")
				.contains("the duration growing within an event in 24 of 24");
		}

		@Test
		void oneKeyPressIsEnough() {
			assertThat(MediaSignals.judge(events(1, r -> r)).finding()).isEqualTo(MediaSignals.Finding.PLAIN);
		}

		@Test
		void fourByteReportsWithTheReservedBitOrLargeCodesAreNotEvents() {
			assertThat(
					MediaSignals.judge(events(3, r -> new byte[] { r[0], (byte) (r[1] | 0x40), r[2], r[3] })).finding())
				.isNotEqualTo(MediaSignals.Finding.PLAIN);
			assertThat(
					MediaSignals.judge(events(3, r -> new byte[] { (byte) (r[0] + 100), r[1], r[2], r[3] })).finding())
				.isNotEqualTo(MediaSignals.Finding.PLAIN);
			assertThat(MediaSignals.judge(events(3, r -> random(4))).finding())
				.isNotEqualTo(MediaSignals.Finding.PLAIN);
		}

		@Test
		void eventsUnderSrtpShowTheTagAndTheHeldTimestamp() {
			MediaSignals.Judgement j80 = MediaSignals.judge(events(3, r -> random(14)));
			assertThat(j80.finding()).isEqualTo(MediaSignals.Finding.ENCRYPTED);
			assertThat(j80.evidence()).contains("telephone-events").contains("HMAC-SHA1-80");
			MediaSignals.Judgement j32 = MediaSignals.judge(events(3, r -> random(8)));
			assertThat(j32.finding()).isEqualTo(MediaSignals.Finding.ENCRYPTED);
			assertThat(j32.evidence()).contains("HMAC-SHA1-32");
		}

		@Test
		void fourteenBytePayloadsWhoseTimestampMovesAreNotTakenForEvents() {
			PayloadShape s = shape(101, 40, 160, i -> random(14));
			assertThat(MediaSignals.judge(s).evidence()).doesNotContain("telephone-events");
		}

	}

	@Nested
	class ByteDistribution {

		@Test
		void ciphertextIsUniformEvenWithAConstantMkiAfterTheTag() {
			PayloadEntropy e = new PayloadEntropy();
			for (int i = 0; i < 300; i++) {
				byte[] p = random(174);
				p[170] = 0;
				p[171] = 0;
				p[172] = 0;
				p[173] = 1; // a 4-byte MKI after the 10-byte tag
				e.add(p, 0, p.length);
			}
			assertThat(e.uniform()).isTrue();
			assertThat(e.notUniform()).isFalse();
			assertThat(e.chiSquare()).isLessThan(PayloadEntropy.UNIFORM_CHI_SQUARE);
		}

		@Test
		void adpcmCodesAreNotUniformThoughTheirEntropyLooksLikeCiphertext() {
			// G.726-40-like: 5-bit codes whose small magnitudes are more frequent
			// (Laplacian)
			PayloadEntropy e = new PayloadEntropy();
			for (int i = 0; i < 400; i++) {
				byte[] p = new byte[100];
				for (int k = 0; k < p.length; k++) {
					int a = (int) Math.min(15, Math.abs(RANDOM.nextGaussian() * 6));
					int b = (int) Math.min(15, Math.abs(RANDOM.nextGaussian() * 6));
					p[k] = (byte) (a << 4 | b);
				}
				e.add(p, 0, p.length);
			}
			assertThat(e.notUniform()).isTrue();
		}

		@Test
		void fewBytesDecideNothing() {
			PayloadEntropy e = new PayloadEntropy();
			e.add(new byte[1000], 0, 1000);
			assertThat(e.notUniform()).isFalse();
			assertThat(e.uniform()).isFalse();
		}

	}

	@Test
	void shapeCountsTheTimestampStepPerSsrcAndTheDominantLength() {
		PayloadShape s = shape(0, 50, 160, i -> new byte[i % 10 == 0 ? 80 : 160]);
		assertThat(s.dominantStep()).isEqualTo(160);
		assertThat(s.dominantLength()).isEqualTo(160);
		assertThat(s.dominantLengthShare()).isEqualTo(0.9);
		assertThat(s.packets()).isEqualTo(50);
	}

}
