package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A watched certificate reached an expiry threshold (30, 14 or 7 days): mail to the
 * carrier's owner through the outbox, and a security event.
 */
public record CertificateExpiryAlert(UUID certificateId, String subject, String fingerprint, VendorId vendorId,
		String where, LocalDate notAfter, int threshold, long daysLeft, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CERTIFICATE_EXPIRY_ALERT";
	}

	@Override
	public String auditSubjectType() {
		return "WatchedCertificate";
	}

	@Override
	public String auditSubjectId() {
		return certificateId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("subject", subject, "fingerprint", fingerprint, "vendorId", vendorId, "where",
				where, "notAfter", notAfter, "threshold", threshold, "daysLeft", daysLeft);
	}

}
