package io.trunkguard.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A fourth party: a company the carrier relies on to serve us.
 *
 * @param purpose what it does for the carrier, e.g. "SMS delivery in the EU"
 * @param country where it processes, as an ISO 3166-1 alpha-2 code (e.g. {@code DE})
 */
@Embeddable
public record SubProcessor(
		@Column(name = "name", nullable = false, length = 200) @NotBlank @Size(max = 200) String name,
		@Column(name = "purpose", nullable = false, length = 500) @NotBlank @Size(max = 500) String purpose,
		@Column(name = "country", nullable = false, length = 2) @NotBlank @Pattern(regexp = "[A-Z]{2}",
				message = "a two-letter country code such as DE or US") String country) {

	/** The country's English name, e.g. "Germany" for {@code DE}. */
	public String countryName() {
		return Countries.name(country);
	}

}
