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

		@Test
		void rfc4733EventsInClearArePlain() {
			PayloadShape s = shape(101, 40, 160, i -> new byte[] { 5, (byte) 0x0a, 0, (byte) (i * 8) });
			MediaSignals.Judgement j = MediaSignals.judge(s);
			assertThat(j.finding()).isEqualTo(MediaSignals.Finding.PLAIN);
			assertThat(j.evidence()).contains("telephone-event");
		}

		@Test
		void eventsUnderSrtpAreNotReadAsEvents() {
			PayloadShape s = shape(101, 40, 160, i -> random(14));
			assertThat(MediaSignals.judge(s).finding()).isNotEqualTo(MediaSignals.Finding.PLAIN);
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
