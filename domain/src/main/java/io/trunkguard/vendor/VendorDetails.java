package io.trunkguard.vendor;

import io.trunkguard.people.PersonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a caller may set on a vendor (register or update).
 *
 * @param services what the vendor provides, e.g. "SIP trunking, DID numbers, emergency
 * calling"
 * @param ownerId the person in the organisation responsible for the vendor relationship
 */
public record VendorDetails(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 1000) String services,
		@NotNull RiskTier riskTier, @NotNull PersonId ownerId,
		@NotNull @Size(max = 20) List<@Valid @NotNull VendorContact> contacts) {

	public VendorDetails {
		contacts = contacts == null ? null : List.copyOf(contacts);
	}
}
