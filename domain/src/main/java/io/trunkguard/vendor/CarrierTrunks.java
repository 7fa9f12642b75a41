package io.trunkguard.vendor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A carrier's SIP trunk endpoints and the encryption status its captures show: what the
 * capture analysis reads (to attach legs to carriers) and sets (the status). Every change
 * is audited. Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidInputException} (an address, CIDR, FQDN or
 * fingerprint that does not parse, by field),
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface CarrierTrunks {

	/** The endpoints of one carrier, in the order they were added. */
	List<TrunkEndpoint> endpointsOf(@NotNull VendorId vendorId);

	/** Every carrier's endpoints (to match a capture's legs against). */
	List<TrunkEndpoint> allEndpoints();

	TrunkEndpoint addEndpoint(@NotNull VendorId vendorId, @Valid @NotNull TrunkEndpointDraft draft,
			@NotBlank String actor);

	void removeEndpoint(@NotNull VendorId vendorId, @NotNull UUID endpointId, @NotBlank String actor);

	/** {@link EncryptionState#NONE} until a capture of the carrier was analysed. */
	EncryptionState encryptionStatus(@NotNull VendorId vendorId);

	/**
	 * Sets the carrier's status from an analysed capture; publishes
	 * {@link EncryptionStatusChanged} (with
	 * {@link EncryptionStatusChanged#isRegression()}).
	 * @param observedAt when the traffic was captured (the capture's time span end)
	 * @param basis a sentence naming the capture, for people
	 * @param captureId the capture's id, or null
	 */
	EncryptionState recordEncryptionStatus(@NotNull VendorId vendorId, @NotNull EncryptionStatus status,
			@NotNull Instant observedAt, @NotBlank String basis, String captureId, @NotBlank String actor);

}
