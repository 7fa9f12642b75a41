package io.trunkguard.trace.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.trunkguard.trace.Capture;

import java.time.Instant;
import java.util.List;

/**
 * A capture as the API shows it: status, progress (bytes read over size), the carriers
 * attached and, once analysed, the analyzer's report exactly as its command line prints
 * it with {@code --json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaptureResponse(String id, String fileName, String sha256, long sizeBytes, String label, String status,
		double progress, String uploadedBy, Instant uploadedAt, Instant analysedAt, String failure,
		List<CarrierRef> carriers, @JsonRawValue String report) {

	record CarrierRef(String id, String name) {
	}

	static CaptureResponse of(Capture capture, List<CarrierRef> carriers, String report) {
		return new CaptureResponse(capture.getId().toString(), capture.getFileName(), capture.getSha256(),
				capture.getSizeBytes(), capture.getLabel().name(), capture.getStatus().name(), capture.progress(),
				capture.getUploadedBy(), capture.getUploadedAt(), capture.getAnalysedAt(), capture.getFailure(),
				carriers, report);
	}

}
