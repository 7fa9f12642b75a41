package io.trunkguard.vendor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The carrier's profile beside its register entry: headquarters, status, the criteria
 * that set its risk tier, and its sub-processors.
 *
 * @param headquartersCountry ISO 3166-1 alpha-2 code, or null when not known
 * @param riskCriteria null keeps the tier set by hand
 */
public record CarrierProfile(
		@Pattern(regexp = "[A-Z]{2}",
				message = "a two-letter country code such as DE or US") String headquartersCountry,
		@NotNull CarrierStatus status, @Valid RiskCriteria riskCriteria,
		@NotNull @Size(max = 50) List<@Valid @NotNull SubProcessor> subProcessors) {

	public CarrierProfile {
		subProcessors = subProcessors == null ? null : List.copyOf(subProcessors);
	}

}
