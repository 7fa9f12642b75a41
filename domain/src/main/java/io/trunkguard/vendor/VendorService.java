package io.trunkguard.vendor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.util.List;
import java.util.Optional;

/**
 * Use cases on the vendor register. Every change is written to the audit trail in the
 * same transaction. Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.ConflictException} (duplicate name),
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface VendorService {

	Vendor register(@Valid @NotNull VendorDetails details, @NotBlank String actor);

	Vendor update(@NotNull VendorId id, @Valid @NotNull VendorDetails details, @NotBlank String actor);

	/**
	 * Updates only if the stored version is still {@code expectedVersion}, else
	 * {@link io.trunkguard.shared.StaleVersionException}.
	 */
	Vendor update(@NotNull VendorId id, Long expectedVersion, @Valid @NotNull VendorDetails details,
			@NotBlank String actor);

	/**
	 * Sets the carrier's profile: headquarters country, status, the risk criteria (which
	 * then set the tier) and its sub-processors. Audited as {@code VENDOR_CHANGED}.
	 * Unknown country codes are refused with
	 * {@link io.trunkguard.shared.InvalidInputException}.
	 */
	Vendor updateProfile(@NotNull VendorId id, @Valid @NotNull CarrierProfile profile, @NotBlank String actor);

	Vendor get(VendorId id);

	Optional<Vendor> findByName(String name);

	List<Vendor> all();

	/**
	 * Vendors whose name or services contain {@code text} (case-insensitive), optionally
	 * of one risk tier.
	 */
	Page<Vendor> search(String text, RiskTier tier, Pageable pageable);

}
