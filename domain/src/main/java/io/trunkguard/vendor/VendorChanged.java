package io.trunkguard.vendor;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A vendor's details changed; {@code changedFields} names what changed. */
public record VendorChanged(VendorId vendorId, String name, List<String> changedFields, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "VENDOR_CHANGED";
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
		return AuditableEvent.details("name", name, "changedFields", changedFields);
	}
}
