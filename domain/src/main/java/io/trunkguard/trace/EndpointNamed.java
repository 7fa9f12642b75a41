package io.trunkguard.trace;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A lead named an endpoint (address and port) for the call-path diagrams, or removed its
 * name ({@code name} null).
 */
public record EndpointNamed(UUID nameId, String endpoint, String name, VendorId vendorId, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return name == null ? "ENDPOINT_NAME_REMOVED" : "ENDPOINT_NAMED";
	}

	@Override
	public String auditSubjectType() {
		return "EndpointName";
	}

	@Override
	public String auditSubjectId() {
		return nameId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("endpoint", endpoint, "name", name, "vendorId", vendorId);
	}

}
