package io.trunkguard.vendor;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A trunk endpoint was removed from a carrier. */
public record TrunkEndpointRemoved(VendorId vendorId, UUID endpointId, String endpoint, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "TRUNK_ENDPOINT_REMOVED";
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
		return AuditableEvent.details("endpointId", endpointId, "endpoint", endpoint);
	}
}
