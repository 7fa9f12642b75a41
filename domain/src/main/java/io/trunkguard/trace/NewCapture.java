package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A capture file just stored, with what the uploader said about it.
 *
 * @param rawFileId the stored file holding the capture's bytes
 * @param keyLogFileId the stored TLS key log (NSS format), or null
 * @param vendorId the carrier the uploader named, or null
 * @param internalNetworks the operator's own networks (CIDR)
 */
public record NewCapture(String fileName, String sha256, long sizeBytes, UUID rawFileId, UUID keyLogFileId,
		CaptureLabel label, VendorId vendorId, List<String> internalNetworks, String uploadedBy) {

	public NewCapture {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(uploadedBy, "uploadedBy");
		internalNetworks = List.copyOf(internalNetworks);
	}

}
