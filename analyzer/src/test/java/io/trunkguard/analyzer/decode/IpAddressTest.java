package io.trunkguard.analyzer.decode;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Text form, parsing and identity of addresses. */
class IpAddressTest {

	@Test
	void printsIpv4AsInetAddressDoes() throws Exception {
		Random random = new Random(7);
		long[] fixed = { 0L, 0xFFFFFFFFL, 0x0A000001L, 0x7F000001L, 0xC0A80101L, 0x01020304L, 0x80000000L };
		for (int i = 0; i < 1000 + fixed.length; i++) {
			long v = i < fixed.length ? fixed[i] : random.nextInt() & 0xFFFFFFFFL;
			IpAddress a = new IpAddress(4, 0, v);
			assertThat(a.toString()).isEqualTo(InetAddress.getByAddress(a.bytes()).getHostAddress());
			assertThat(IpAddress.parse(a.toString())).isEqualTo(a);
		}
	}

	@Test
	void printsIpv6InShortForm() {
		assertThat(IpAddress.parse("::1").toString()).isEqualTo("::1");
		assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1").toString()).isEqualTo("2001:db8::1:0:0:1");
	}

	@Test
	void equalAddressesHashAlikeAndVersionsDiffer() {
		IpAddress a = IpAddress.parse("10.1.2.3");
		IpAddress b = IpAddress.of(new byte[] { 10, 1, 2, 3 });
		assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(new IpAddress(4, 0, 1)).isNotEqualTo(new IpAddress(6, 0, 1));
		assertThat(a).isNotEqualTo("10.1.2.3");
	}

}
