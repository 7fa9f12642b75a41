package io.trunkguard.vendorreview;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A carrier's document expires within {@code thresholdDays}; the owner and the compliance
 * leads are reminded.
 *
 * @param document what expires, in words: "DPA \"Data processing agreement 2025\""
 */
public record CarrierDocumentExpiring(VendorId vendorId, String vendorName, String document, LocalDate expiresOn,
		int thresholdDays, long daysLeft, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "VENDOR_DOCUMENT_EXPIRY_REMINDED";
	}

	@Override
	public String auditSubjectType() {
		return "Vendor";
	}

	@Override
	public String auditSubjectId() {
		return vendorId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("document", document, "expiresOn", expiresOn, "thresholdDays", thresholdDays);
	}

}
