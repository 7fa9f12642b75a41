package io.trunkguard.vendor;

import io.trunkguard.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrunkEndpointTest {

	private static final String FINGERPRINT = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
			+ "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

	@Test
	void matchesTrafficByRangePortHostAndFingerprint() throws Exception {
		TrunkEndpoint endpoint = new TrunkEndpoint(VendorId.random(), new TrunkEndpointDraft("192.0.2.0/28",
				"SIP.Carrier.example.", 5061, Transport.TLS, List.of(FINGERPRINT), "primary"), "lead", Instant.now());

		assertThat(endpoint.getFqdn()).isEqualTo("sip.carrier.example");
		assertThat(endpoint.getFingerprints()).containsExactly(FINGERPRINT.replace(":", "").toLowerCase());
		assertThat(endpoint.matches(InetAddress.getByName("192.0.2.14"), 5061)).isTrue();
		assertThat(endpoint.matches(InetAddress.getByName("192.0.2.16"), 5061)).isFalse();
		assertThat(endpoint.matches(InetAddress.getByName("192.0.2.14"), 5060)).isFalse();
		assertThat(endpoint.matchesHost("sip.carrier.example")).isTrue();
		assertThat(endpoint.matchesHost("other.example")).isFalse();
		assertThat(endpoint.expectsFingerprint(FINGERPRINT.toLowerCase())).isTrue();
		assertThat(endpoint.describe()).isEqualTo("sip.carrier.example (192.0.2.0/28) port 5061 over TLS");
	}

	@Test
	void anyPortWhenNoneIsGivenAndWildcardHosts() throws Exception {
		TrunkEndpoint endpoint = new TrunkEndpoint(VendorId.random(),
				new TrunkEndpointDraft("2001:db8::/48", "*.trunks.carrier.example", null, Transport.UDP, null, null),
				"lead", Instant.now());

		assertThat(endpoint.matches(InetAddress.getByName("2001:db8::5"), 5080)).isTrue();
		assertThat(endpoint.matchesHost("edge1.trunks.carrier.example")).isTrue();
		assertThat(endpoint.matchesHost("a.b.trunks.carrier.example")).isFalse();
	}

	@Test
	void listsEveryProblemOfAnEndpointByField() {
		assertThatThrownBy(() -> TrunkEndpoint
			.check(new TrunkEndpointDraft("10.0.0.0/40", "not a host", 5060, Transport.UDP, List.of("abc"), null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("address", "fqdn",
					"fingerprints"))
			.hasMessageContaining("invalid prefix length");
		assertThatThrownBy(
				() -> TrunkEndpoint.check(new TrunkEndpointDraft(" ", null, 5060, Transport.UDP, null, null)))
			.hasMessageContaining("give an IP address, a CIDR range or a host name");
	}

}
