package io.trunkguard.change;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to a change record, for the audit trail: recorded, approved, refused
 * approval, an excerpt added (with what was redacted), a capture linked.
 */
public record SipChangeEvent(String actor, Instant occurredAt, String auditAction, SipChangeId changeId,
		Map<String, Object> auditDetails) implements AuditableEvent {

	static final String RECORDED = "SIP_CHANGE_RECORDED";

	static final String APPROVED = "SIP_CHANGE_APPROVED";

	static final String APPROVAL_REFUSED = "SIP_CHANGE_APPROVAL_REFUSED";

	static final String EXCERPT_ADDED = "SIP_CHANGE_EXCERPT_ADDED";

	static final String CAPTURE_LINKED = "SIP_CHANGE_CAPTURE_LINKED";

	@Override
	public String auditSubjectType() {
		return "SipChange";
	}

	@Override
	public String auditSubjectId() {
		return changeId.toString();
	}

}
