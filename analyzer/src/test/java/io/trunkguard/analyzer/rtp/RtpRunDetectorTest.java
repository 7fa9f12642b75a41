package io.trunkguard.analyzer.rtp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RtpRunDetectorTest {

	@Test
	void recognisesOneDirectionAfterARun() {
		RtpRunDetector d = new RtpRunDetector();
		assertThat(d.offer(0, 7, 100)).isFalse();
		assertThat(d.offer(0, 7, 101)).isFalse();
		assertThat(d.offer(0, 7, 102)).isFalse();
		assertThat(d.offer(0, 7, 103)).isTrue();
	}

	@Test
	void recognisesTwoDirectionsThatAlternatePacketByPacket() {
		RtpRunDetector d = new RtpRunDetector();
		boolean media = false;
		for (int i = 0; i < 4; i++) {
			media |= d.offer(0, 0x11aa0001L, 100 + i);
			media |= d.offer(1, 0x22bb0002L, 65534 + i); // wraps at 65535
		}
		assertThat(media).isTrue();
	}

	@Test
	void keepsTheRunOfEachSsrcWhenOneDirectionInterleavesSeveral() {
		RtpRunDetector d = new RtpRunDetector();
		boolean media = false;
		for (int i = 0; i < 3; i++) {
			media |= d.offer(0, 1, 10 + i);
			media |= d.offer(0, 2, 500 + i);
			media |= d.offer(0, 3, 9000 + i);
		}
		assertThat(media).isFalse();
		assertThat(d.offer(0, 2, 503)).isTrue();
	}

	@Test
	void doesNotTakeRandomHeadersForMedia() {
		RtpRunDetector d = new RtpRunDetector();
		java.util.Random r = new java.util.Random(1);
		for (int i = 0; i < 10_000; i++) {
			assertThat(d.offer(r.nextInt(2), r.nextInt() & 0xFFFFFFFFL, r.nextInt(65536))).isFalse();
		}
	}

	@Test
	void doesNotCountSequenceNumbersThatJumpOrRepeat() {
		RtpRunDetector d = new RtpRunDetector();
		int[] seqs = { 100, 100, 300, 300, 301, 5000, 5001, 5001 };
		for (int s : seqs) {
			assertThat(d.offer(1, 42, s)).isFalse();
		}
	}

	@Test
	void doesNotMixTheSameSsrcFromBothDirections() {
		RtpRunDetector d = new RtpRunDetector();
		assertThat(d.offer(0, 5, 1)).isFalse();
		assertThat(d.offer(1, 5, 2)).isFalse();
		assertThat(d.offer(0, 5, 3)).isFalse();
		assertThat(d.offer(1, 5, 4)).isFalse();
	}

}
