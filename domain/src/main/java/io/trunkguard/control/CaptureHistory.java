package io.trunkguard.control;

import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureStatus;
import io.trunkguard.trace.Captures;
import io.trunkguard.vendor.VendorId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The analysed captures as the CC6.7 and CC7.2 checks read them: each dated by its first
 * packet (when the traffic happened), or its upload when the capture has no time span.
 */
@Component
class CaptureHistory {

	private final Captures captures;

	CaptureHistory(Captures captures) {
		this.captures = captures;
	}

	List<Capture> analysed() {
		return captures.findByStatusOrderByUploadedAtAsc(CaptureStatus.DONE)
			.stream()
			.sorted(java.util.Comparator.comparing(CaptureHistory::takenAt))
			.toList();
	}

	static Instant takenAt(Capture capture) {
		return capture.getFirstPacketAt() != null ? capture.getFirstPacketAt() : capture.getUploadedAt();
	}

	/** The analysed captures of the same carrier (or of none) taken after this one. */
	static List<Capture> later(List<Capture> all, Capture capture) {
		Instant at = takenAt(capture);
		return all.stream()
			.filter(c -> Objects.equals(c.getVendorId(), capture.getVendorId()) && takenAt(c).isAfter(at))
			.toList();
	}

	static boolean ofVendor(Capture capture, VendorId vendor) {
		return vendor.equals(capture.getVendorId());
	}

}
