package io.trunkguard.vendorreview;

import io.trunkguard.shared.AuditableEvent;
import io.trunkguard.vendor.VendorId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A step of an annual carrier review happened; every step is audited. {@code action} says
 * which, e.g. {@code CARRIER_REVIEW_STARTED}, {@code CARRIER_REVIEW_DECIDED}.
 */
public record CarrierReviewEvent(UUID reviewId, VendorId vendorId, String vendorName, String action, String detail,
		String actor, Instant occurredAt) implements AuditableEvent {

	public static final String STARTED = "CARRIER_REVIEW_STARTED";

	public static final String QUESTIONNAIRE_SENT = "CARRIER_REVIEW_QUESTIONNAIRE_SENT";

	public static final String QUESTIONNAIRE_EXPIRED = "CARRIER_REVIEW_QUESTIONNAIRE_EXPIRED";

	public static final String CONTINUED_WITHOUT_QUESTIONNAIRE = "CARRIER_REVIEW_CONTINUED_WITHOUT_QUESTIONNAIRE";

	public static final String SOC_REPORT_REVIEWED = "CARRIER_REVIEW_SOC_REPORT_REVIEWED";

	public static final String DOCUMENTS_CHECKED = "CARRIER_REVIEW_DOCUMENTS_CHECKED";

	public static final String DECIDED = "CARRIER_REVIEW_DECIDED";

	public static final String REJECTION_NOTIFIED = "CARRIER_REVIEW_REJECTION_NOTIFIED";

	public static final String RECORD_STORED = "CARRIER_REVIEW_RECORD_STORED";

	public static final String COMPLETED = "CARRIER_REVIEW_COMPLETED";

	public static final String CONDITION_CLOSED = "CARRIER_REVIEW_CONDITION_CLOSED";

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditSubjectType() {
		return "CarrierReview";
	}

	@Override
	public String auditSubjectId() {
		return reviewId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("vendorId", vendorId, "vendor", vendorName, "detail", detail);
	}
}
