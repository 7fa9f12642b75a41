package io.trunkguard.trace.web;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.CaptureLabel;
import io.trunkguard.vendor.NetworkRange;
import io.trunkguard.vendor.VendorId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small fields of a capture upload besides the file: the label, the carrier and the
 * internal networks, checked with every problem named by field.
 */
record UploadFields(CaptureLabel label, VendorId vendorId, List<String> internalNetworks) {

	/**
	 * Parses what the form or the API sent; an empty label is "other".
	 * @throws InvalidInputException naming each bad field
	 */
	static UploadFields parse(String label, String vendorId, List<String> internal) {
		Map<String, String> errors = new LinkedHashMap<>();
		CaptureLabel parsedLabel = CaptureLabel.OTHER;
		if (label != null && !label.isBlank()) {
			String normal = label.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			try {
				parsedLabel = CaptureLabel.valueOf(normal);
			}
			catch (IllegalArgumentException e) {
				errors.put("label", "\"" + label
						+ "\" is not a capture label; use carrier-trunk, webrtc-gateway, internal-pbx or other.");
			}
		}
		VendorId vendor = null;
		if (vendorId != null && !vendorId.isBlank()) {
			try {
				vendor = VendorId.of(vendorId.strip());
			}
			catch (IllegalArgumentException e) {
				errors.put("vendorId", "\"" + vendorId + "\" is not a carrier id.");
			}
		}
		List<String> networks = new ArrayList<>();
		for (String value : internal == null ? List.<String>of() : internal) {
			for (String cidr : value.split("[,\\s]+")) {
				if (cidr.isBlank()) {
					continue;
				}
				try {
					networks.add(NetworkRange.parse(cidr, "internal").toString());
				}
				catch (InvalidInputException e) {
					errors.putAll(e.fieldErrors());
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("capture.upload.invalid",
					"The capture was not accepted: " + String.join(" ", errors.values()), errors);
		}
		return new UploadFields(parsedLabel, vendor, networks);
	}

}
