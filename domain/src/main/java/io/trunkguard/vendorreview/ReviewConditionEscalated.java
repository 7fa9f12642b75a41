package io.trunkguard.vendorreview;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An open condition of an approval is past its due date: the compliance leads and the
 * manager of the carrier's owner are told.
 */
public record ReviewConditionEscalated(UUID conditionId, UUID reviewId, VendorId vendorId, String vendorName,
		String text, String owner, LocalDate dueOn, String actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CARRIER_REVIEW_CONDITION_ESCALATED";
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
		return AuditableEvent.details("conditionId", conditionId, "reviewId", reviewId, "condition", text, "owner",
				owner, "dueOn", dueOn);
	}

}
