package io.trunkguard.vendor;

import io.trunkguard.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkRangeTest {

	@Test
	void parsesAddressesAndRangesOfBothFamilies() throws Exception {
		NetworkRange v4 = NetworkRange.parse(" 192.0.2.0/24 ", "address");
		assertThat(v4.toString()).isEqualTo("192.0.2.0/24");
		assertThat(v4.contains(InetAddress.getByName("192.0.2.77"))).isTrue();
		assertThat(v4.contains(InetAddress.getByName("192.0.3.1"))).isFalse();
		assertThat(v4.contains("2001:db8::1")).isFalse();

		NetworkRange host = NetworkRange.parse("198.51.100.7", "address");
		assertThat(host.isSingleAddress()).isTrue();
		assertThat(host.toString()).isEqualTo("198.51.100.7");
		assertThat(host.contains("198.51.100.7")).isTrue();
		assertThat(host.contains("198.51.100.8")).isFalse();

		NetworkRange v6 = NetworkRange.parse("2001:DB8::/32", "address");
		assertThat(v6.toString()).isEqualTo("2001:db8::/32");
		assertThat(v6.contains("2001:db8:ffff::1")).isTrue();
		assertThat(v6.contains("2001:db9::1")).isFalse();
		assertThat(v6.contains("192.0.2.1")).isFalse();
		assertThat(NetworkRange.parse("0.0.0.0/0", "a").contains("203.0.113.9")).isTrue();
	}

	@Test
	void explainsWhatIsWrongWithARangeThatDoesNotParse() {
		assertThatThrownBy(() -> NetworkRange.parse("192.0.2.0/33", "address"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("\"192.0.2.0/33\" has an invalid prefix length: an IPv4 range takes /0 to /32")
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("address"));
		assertThatThrownBy(() -> NetworkRange.parse("192.0.2.300", "address")).hasMessageContaining("is not an IP");
		assertThatThrownBy(() -> NetworkRange.parse("sip.carrier.example", "address"))
			.hasMessageContaining("is not an IP address or CIDR range");
		assertThatThrownBy(() -> NetworkRange.parse("10.0.0.1/24", "address"))
			.hasMessage("\"10.0.0.1/24\" has host bits set: the range is 10.0.0.0/24");
		assertThatThrownBy(() -> NetworkRange.parse("2001:db8:::1", "address")).hasMessageContaining("is not an IP");
		assertThatThrownBy(() -> NetworkRange.parse("192.0.2.0/", "address"))
			.hasMessageContaining("invalid prefix length");
		assertThatThrownBy(() -> NetworkRange.parse("", "address")).hasMessageContaining("is not an IP");
	}

}
