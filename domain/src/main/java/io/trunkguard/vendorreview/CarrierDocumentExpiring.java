package io.trunkguard.vendorreview;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A carrier's document expires within {@code thresholdDays}, or an auto-renewing
 * contract's notice deadline comes within them; the owner and the compliance leads are
 * reminded.
 *
 * @param document what expires, in words: "DPA \"Data processing agreement 2025\""
 * @param expiresOn the end date, or for an auto-renewing contract the last day to give
 * notice
 * @param renewsOn for an auto-renewing contract, the end date on which it renews itself
 * unless notice was given; otherwise null
 */
public record CarrierDocumentExpiring(VendorId vendorId, String vendorName, String document, LocalDate expiresOn,
		LocalDate renewsOn, int thresholdDays, long daysLeft, String actor,
		Instant occurredAt) implements AuditableEvent {

	/** Whether this is an auto-renewing contract's notice deadline, not an end. */
	public boolean isNoticeDeadline() {
		return renewsOn != null;
	}

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
		if (isNoticeDeadline()) {
			return AuditableEvent.details("document", document, "noticeDeadline", expiresOn, "renewsOn", renewsOn,
					"thresholdDays", thresholdDays);
		}
		return AuditableEvent.details("document", document, "expiresOn", expiresOn, "thresholdDays", thresholdDays);
	}

}
