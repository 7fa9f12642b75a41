package io.trunkguard.analyzer.rtp;

import io.trunkguard.analyzer.testing.Packets;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RtpPacketsTest {

	@Test
	void recognisesRtpAndRejectsRtcpAndText() {
		byte[] rtp = Packets.rtp(8, 1, 160, 0xABCD, new byte[160]);
		assertThat(RtpPackets.isRtp(rtp, 0, rtp.length)).isTrue();
		assertThat(RtpPackets.payloadType(rtp, 0)).isEqualTo(8);
		assertThat(RtpPackets.ssrc(rtp, 0)).isEqualTo(0xABCD);
		assertThat(RtpPackets.payloadLength(rtp, 0, rtp.length)).isEqualTo(160);
		byte[] rr = { (byte) 0x81, (byte) 201, 0, 7, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				0, 0, 0, 0, 0, 0 };
		assertThat(RtpPackets.isRtp(rr, 0, rr.length)).isFalse();
		assertThat(RtpPackets.isRtcp(rr, 0, rr.length)).isTrue();
		assertThat(RtpPackets.classifyRtcp(rr, 0, rr.length)).isEqualTo(RtpPackets.RtcpKind.PLAIN);
		byte[] text = "SIP/2.0 200 OK\r\n".getBytes();
		assertThat(RtpPackets.isRtp(text, 0, text.length)).isFalse();
	}

	@Test
	void readsTheSrtcpEncryptionFlag() {
		byte[] srtcp = new byte[8 + 20 + 4 + 10];
		srtcp[0] = (byte) 0x80;
		srtcp[1] = (byte) 200;
		srtcp[3] = 6; // claims 28 bytes, the rest is ciphertext
		new Random(3).nextBytes(java.util.Arrays.copyOfRange(srtcp, 8, 28));
		srtcp[28] = (byte) 0x80; // E flag, index 5
		srtcp[31] = 5;
		assertThat(RtpPackets.classifyRtcp(srtcp, 0, srtcp.length)).isEqualTo(RtpPackets.RtcpKind.SRTCP_ENCRYPTED);
		srtcp[28] = 0;
		assertThat(RtpPackets.classifyRtcp(srtcp, 0, srtcp.length)).isEqualTo(RtpPackets.RtcpKind.SRTCP_UNENCRYPTED);
	}

	@Test
	void recognisesStun() {
		byte[] stun = new byte[20];
		stun[1] = 1;
		stun[4] = 0x21;
		stun[5] = 0x12;
		stun[6] = (byte) 0xA4;
		stun[7] = 0x42;
		assertThat(RtpPackets.isStun(stun, 0, 20)).isTrue();
		stun[4] = 0;
		assertThat(RtpPackets.isStun(stun, 0, 20)).isFalse();
	}

	@Test
	void entropyTellsG711AudioFromCiphertext() {
		PayloadEntropy audio = new PayloadEntropy();
		PayloadEntropy cipher = new PayloadEntropy();
		Random r = new Random(5);
		byte[] buf = new byte[160];
		for (int i = 0; i < 50; i++) {
			for (int j = 0; j < 160; j++) {
				double sample = 2000 * Math.sin((i * 160 + j) / 7.0) + r.nextGaussian() * 300;
				buf[j] = mulaw((short) sample);
			}
			audio.add(buf, 0, 160);
			r.nextBytes(buf);
			cipher.add(buf, 0, 160);
		}
		assertThat(audio.conclusive()).isTrue();
		assertThat(audio.ciphertextLike()).isFalse();
		assertThat(cipher.ciphertextLike()).isTrue();
		assertThat(cipher.bitsPerByte()).isGreaterThan(7.9);
	}

	/** G.711 µ-law encoding of a 16-bit sample. */
	static byte mulaw(short pcm) {
		int sign = (pcm >> 8) & 0x80;
		int s = sign != 0 ? -pcm : pcm;
		s = Math.min(s, 32635) + 0x84;
		int exponent = 7;
		for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
			exponent--;
		}
		int mantissa = (s >> (exponent + 3)) & 0x0F;
		return (byte) ~(sign | (exponent << 4) | mantissa);
	}

	/** The header checks as written before they were made branch-free. */
	private static boolean isRtpWithBranches(byte[] b, int off, int len) {
		if (len < 12) {
			return false;
		}
		int b0 = b[off] & 0xFF;
		if ((b0 & 0xC0) != 0x80) {
			return false;
		}
		int pt = b[off + 1] & 0x7F;
		if (pt >= 72 && pt <= 76) {
			return false;
		}
		int header = 12 + 4 * (b0 & 0x0F);
		if ((b0 & 0x10) != 0) {
			if (len < header + 4) {
				return false;
			}
			header += 4 + 4 * (((b[off + header + 2] & 0xFF) << 8) | (b[off + header + 3] & 0xFF));
		}
		if (header > len) {
			return false;
		}
		if ((b0 & 0x20) != 0) {
			int pad = b[off + len - 1] & 0xFF;
			return pad > 0 && header + pad <= len;
		}
		return true;
	}

	@Test
	void branchFreeHeaderCheckAgreesWithTheChecksOneByOne() {
		Random random = new Random(15);
		byte[] b = new byte[128];
		int agreedTrue = 0;
		for (int b0 = 0; b0 < 256; b0++) {
			for (int pt = 0; pt < 256; pt += (pt >= 64 && pt <= 84) || (pt >= 192 && pt <= 212) ? 1 : 11) {
				for (int len = 0; len <= 110; len += (len < 90 ? 1 : 7)) {
					random.nextBytes(b);
					int off = 3 + random.nextInt(8);
					b[off] = (byte) b0;
					b[off + 1] = (byte) pt;
					if (random.nextBoolean()) { // small extension lengths, so some fit
						int at = off + 12 + 4 * (b0 & 0x0F) + 2;
						b[at] = 0;
						b[at + 1] = (byte) random.nextInt(8);
					}
					if (random.nextBoolean() && len > 0) {
						b[off + len - 1] = (byte) random.nextInt(24);
					}
					boolean expected = isRtpWithBranches(b, off, len);
					assertThat(RtpPackets.isRtp(b, off, len)).as("b0 %d pt %d len %d", b0, pt, len).isEqualTo(expected);
					agreedTrue += expected ? 1 : 0;
				}
			}
		}
		assertThat(agreedTrue).isGreaterThan(2_000);
	}

}
