package io.trunkguard.analyzer.sdp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SdpTest {

	@Test
	void readsMediaProfilesAddressesAndSecurityAttributes() {
		Sdp sdp = Sdp.parse("v=0\r\no=- 42 1 IN IP4 10.0.0.1\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
				+ "a=fingerprint:sha-256 AA:BB\r\n"
				+ "m=audio 4000 RTP/SAVP 0 8\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:KEY|2^20 UNENCRYPTED_SRTCP\r\n"
				+ "m=video 4002 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP6 2001:db8::5\r\na=setup:actpass\r\na=rtcp-mux\r\n"
				+ "m=image 0 udptl t38\r\n");
		assertThat(sdp.origin()).isEqualTo("- 42 1 IN IP4 10.0.0.1");
		assertThat(sdp.media()).hasSize(3);
		Sdp.Media audio = sdp.media().get(0);
		assertThat(audio.port()).isEqualTo(4000);
		assertThat(audio.connection()).isEqualTo("10.0.0.1");
		assertThat(audio.secureProfile()).isTrue();
		assertThat(audio.crypto()).singleElement().satisfies(c -> {
			assertThat(c.suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
			assertThat(c.inlineKey()).isTrue();
			assertThat(c.sessionParams()).containsExactly("UNENCRYPTED_SRTCP");
		});
		Sdp.Media video = sdp.media().get(1);
		assertThat(video.connection()).isEqualTo("2001:db8::5");
		assertThat(video.dtlsProfile()).isTrue();
		assertThat(video.setup()).isEqualTo("actpass");
		assertThat(video.rtcpMux()).isTrue();
		assertThat(video.fingerprint()).isEqualTo("sha-256 AA:BB");
		assertThat(sdp.media().get(2).port()).isZero();
		assertThat(sdp.media().get(2).rtpProfile()).isFalse();
	}

	@Test
	void toleratesDamagedLines() {
		Sdp sdp = Sdp.parse("v=0\r\nm=\r\nc=IN\r\nm=audio x RTP/AVP\r\na=crypto:\r\ngarbage\r\n");
		assertThat(sdp.media()).hasSize(2);
		assertThat(sdp.media().get(1).port()).isEqualTo(-1);
	}

}
