package io.trunkguard.demo;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendorreview.CarrierReviewService;
import org.springframework.stereotype.Component;

/** The services the demo carriers' record is loaded through. */
@Component
record DemoCarrierServices(CarrierRecords records, CarrierTrunks trunks, CarrierReviewService reviews,
		FileStore files) {
}
