package io.trunkguard.change;

import io.trunkguard.trace.CaptureId;
import io.trunkguard.vendor.VendorId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A change as a lead or admin records it.
 *
 * @param systemName the SBC, PBX, proxy or trunk, e.g. "edge-sbc-1"
 * @param vendorId the carrier whose trunk it touches, or null
 * @param summary what changed
 * @param reason why
 * @param requestedBy who asked for it (a login or a name)
 * @param appliedOn the day it was (or will be) applied
 * @param touchesEncryption whether TLS or SRTP settings changed
 * @param captureId the capture that shows the result, or null
 */
public record NewSipChange(
		@NotNull(message = "Choose what the change touches: SBC, PBX, proxy or trunk.") InfrastructureKind kind,
		@NotBlank(message = "Name the system the change touches.") @Size(max = 200) String systemName,
		VendorId vendorId, @NotBlank(message = "Say what changed.") @Size(max = 300) String summary,
		@NotBlank(message = "Say why it changed.") @Size(max = 4000) String reason,
		@NotBlank(message = "Name who asked for the change.") @Size(max = 200) String requestedBy,
		@NotNull(message = "Give the day the change was applied (YYYY-MM-DD).") LocalDate appliedOn,
		boolean touchesEncryption, CaptureId captureId) {
}
