package io.trunkguard.control;

import io.trunkguard.trace.Capture;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.TrunkEndpoint;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** CC6.7: every carrier with trunks captured (and analysed) at least once a quarter. */
@Component
class TrunksCapturedEachQuarter implements ControlCheck {

	private final VendorService vendors;

	private final CarrierTrunks trunks;

	private final CaptureHistory captures;

	TrunksCapturedEachQuarter(VendorService vendors, CarrierTrunks trunks, CaptureHistory captures) {
		this.vendors = vendors;
		this.trunks = trunks;
		this.captures = captures;
	}

	@Override
	public String control() {
		return "CC6.7";
	}

	@Override
	public String expectation() {
		return "Every carrier trunk captured and analysed at least once a quarter.";
	}

	@Override
	public List<Gap> gaps(AssessedPeriod period) {
		Set<VendorId> withTrunks = trunks.allEndpoints()
			.stream()
			.map(TrunkEndpoint::getVendorId)
			.collect(Collectors.toSet());
		List<Capture> analysed = captures.analysed();
		List<Gap> gaps = new ArrayList<>();
		for (Vendor vendor : vendors.all()) {
			if (!withTrunks.contains(vendor.getId())) {
				continue;
			}
			for (AssessedPeriod.Quarter quarter : period.quarters()) {
				if (quarter.endedBy(period.today()) && analysed.stream()
					.noneMatch(c -> CaptureHistory.ofVendor(c, vendor.getId())
							&& quarter.contains(CaptureHistory.takenAt(c)))) {
					gaps.add(new Gap(vendor.getName(), quarter.name() + ": no analysed capture of its trunks"));
				}
			}
		}
		return gaps;
	}

}
