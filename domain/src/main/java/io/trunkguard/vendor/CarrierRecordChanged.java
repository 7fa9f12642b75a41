package io.trunkguard.vendor;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something was added to a carrier's record: a contract, a signed document or a SOC
 * report review ({@code action} says which).
 */
public record CarrierRecordChanged(VendorId vendorId, String action, UUID recordId, String description,
		String fileSha256, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return action;
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
		return AuditableEvent.details("recordId", recordId, "description", description, "sha256", fileSha256);
	}
}
