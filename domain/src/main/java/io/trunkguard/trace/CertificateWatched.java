package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A certificate joined the watch list (seen in a capture or added by hand), possibly as
 * the renewal of an earlier certificate of the same endpoint.
 */
public record CertificateWatched(UUID certificateId, String subject, String fingerprint, String origin,
		VendorId vendorId, String endpoint, UUID renews, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return renews == null ? "CERTIFICATE_WATCHED" : "CERTIFICATE_RENEWED";
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
		return AuditableEvent.details("subject", subject, "fingerprint", fingerprint, "origin", origin, "vendorId",
				vendorId, "endpoint", endpoint, "renews", renews);
	}

}
