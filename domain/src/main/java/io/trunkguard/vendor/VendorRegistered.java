package io.trunkguard.vendor;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/** A vendor was added to the register. */
public record VendorRegistered(VendorId vendorId, String name, RiskTier riskTier, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "VENDOR_REGISTERED";
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
		return AuditableEvent.details("name", name, "riskTier", riskTier);
	}
}
