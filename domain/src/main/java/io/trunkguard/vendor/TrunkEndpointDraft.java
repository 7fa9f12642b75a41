package io.trunkguard.vendor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A trunk endpoint as entered: an IP address or CIDR range and/or an FQDN, an optional
 * port, the transport, and the SHA-256 fingerprints of the certificates the endpoint is
 * expected to present (hex, with or without colons). Checked in full by
 * {@link TrunkEndpoint#check}.
 */
public record TrunkEndpointDraft(@Size(max = 60) String address, @Size(max = 253) String fqdn,
		@Min(1) @Max(65535) Integer port, @NotNull Transport transport,
		@Size(max = 10) List<@NotNull @Size(max = 100) String> fingerprints, @Size(max = 200) String label) {

	public TrunkEndpointDraft {
		fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
		address = blankToNull(address);
		fqdn = blankToNull(fqdn);
		label = blankToNull(label);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
