package io.trunkguard.control;

import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureLeg;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.LegVerdict;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CC6.7: an unencrypted leg to a carrier seen in the period is followed up: a later
 * analysed capture of the same carrier shows no unencrypted leg.
 */
@Component
class UnencryptedLegsFollowedUp implements ControlCheck {

	private final CaptureService traces;

	private final CaptureHistory captures;

	private final VendorService vendors;

	UnencryptedLegsFollowedUp(CaptureService traces, CaptureHistory captures, VendorService vendors) {
		this.traces = traces;
		this.captures = captures;
		this.vendors = vendors;
	}

	@Override
	public String control() {
		return "CC6.7";
	}

	@Override
	public String expectation() {
		return "No unencrypted carrier leg without follow-up (a later capture of that carrier all encrypted).";
	}

	@Override
	public List<Gap> gaps(AssessedPeriod period) {
		Map<Object, String> names = vendors.all().stream().collect(Collectors.toMap(Vendor::getId, Vendor::getName));
		List<Capture> analysed = captures.analysed();
		List<Gap> gaps = new ArrayList<>();
		for (Capture capture : analysed) {
			if (capture.getVendorId() == null || !period.contains(CaptureHistory.takenAt(capture))
					|| capture.getUnencryptedLegs() == null || capture.getUnencryptedLegs() == 0) {
				continue;
			}
			boolean followedUp = CaptureHistory.later(analysed, capture)
				.stream()
				.anyMatch(c -> c.getUnencryptedLegs() != null && c.getUnencryptedLegs() == 0);
			if (followedUp) {
				continue;
			}
			String day = CaptureHistory.takenAt(capture).atOffset(ZoneOffset.UTC).toLocalDate().toString();
			for (CaptureLeg leg : traces.legs(capture.getId())) {
				if (leg.getVerdict() == LegVerdict.UNENCRYPTED && capture.getVendorId().equals(leg.getVendorId())) {
					gaps.add(new Gap(
							names.getOrDefault(capture.getVendorId(), "carrier") + " trunk " + leg.getEndpointA()
									+ " to " + leg.getEndpointB(),
							"unencrypted leg (" + leg.getTransport() + ") in " + capture.getFileName() + " on " + day
									+ ", no follow-up"));
				}
			}
		}
		return gaps;
	}

}
