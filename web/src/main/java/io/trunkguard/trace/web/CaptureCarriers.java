package io.trunkguard.trace.web;

import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureLeg;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The carriers a capture concerns: the one named at upload and those its legs are
 * attached to.
 */
@Component
class CaptureCarriers {

	private final CaptureService captures;

	private final VendorService vendors;

	CaptureCarriers(CaptureService captures, VendorService vendors) {
		this.captures = captures;
		this.vendors = vendors;
	}

	List<CaptureResponse.CarrierRef> of(Capture capture) {
		Set<VendorId> ids = new LinkedHashSet<>();
		if (capture.getVendorId() != null) {
			ids.add(capture.getVendorId());
		}
		for (CaptureLeg leg : captures.legs(capture.getId())) {
			if (leg.getVendorId() != null) {
				ids.add(leg.getVendorId());
			}
		}
		return ids.stream()
			.map(id -> new CaptureResponse.CarrierRef(id.toString(), vendors.get(id).getName()))
			.toList();
	}

}
