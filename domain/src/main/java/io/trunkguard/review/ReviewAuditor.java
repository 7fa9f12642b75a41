package io.trunkguard.review;

import io.trunkguard.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes every event of an access review to the audit trail, synchronously in the
 * transaction that caused it: the decision (or reminder, escalation, remediation,
 * sign-off) and its audit entry commit or roll back together.
 */
@Component
class ReviewAuditor {

	private final AuditTrail trail;

	ReviewAuditor(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(CampaignStarted e) {
		record(e.actor(), "REVIEW_CAMPAIGN_STARTED", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("name", e.name(), "period", e.period(), "deadline", e.deadline(), "unansweredRule",
						e.unansweredRule(), "items", e.items(), "reviewers", e.reviewers(), "overlapReason",
						e.overlapReason()));
	}

	@EventListener
	void on(CampaignEndedEarly e) {
		record(e.actor(), "REVIEW_CAMPAIGN_ENDED_EARLY", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("justification", e.justification(), "rule", e.rule(), "settledItems", e.settledItems()));
	}

	@EventListener
	void on(ItemDecided e) {
		record(e.actor(), "REVIEW_ITEM_DECIDED", "ReviewItem", e.itemId(), e.occurredAt(),
				details("campaignId", e.campaignId(), "grantId", e.grantId(), "decision", e.decision(), "reducedTo",
						e.reducedTo(), "justification", e.justification()));
	}

	@EventListener
	void on(ReviewSubmitted e) {
		record(e.reviewerUsername(), "REVIEW_SUBMITTED", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("items", e.items()));
	}

	@EventListener
	void on(ItemReassigned e) {
		record(e.actor(), "REVIEW_ITEM_REASSIGNED", "ReviewItem", e.itemId(), e.occurredAt(),
				details("campaignId", e.campaignId(), "from", e.fromReviewer(), "to", e.toReviewer()));
	}

	@EventListener
	void on(GrantRevocationRequested e) {
		record(e.actor(), "REVIEW_REVOCATION_REQUESTED", "ReviewItem", e.itemId(), e.occurredAt(),
				details("campaignId", e.campaignId(), "grantId", e.grantId(), "systemId", e.systemId(), "connector",
						e.connector(), "decision", e.decision(), "reducedTo", e.reducedTo()));
	}

	@EventListener
	void on(ReviewReminderSent e) {
		record(e.actor(), "REVIEW_REMINDER_SENT", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("reviewer", e.reviewerUsername(), "openItems", e.openItems(), "deadline", e.deadline()));
	}

	@EventListener
	void on(ReviewEscalated e) {
		record(ReviewItem.SYSTEM_ACTOR, "REVIEW_ESCALATED", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("reviewer", e.reviewerUsername(), "escalatedTo", e.escalatedTo(), "openItems", e.openItems()));
	}

	@EventListener
	void on(UnansweredItemsResolved e) {
		record(e.actor(), "REVIEW_UNANSWERED_RESOLVED", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("rule", e.rule(), "items", e.items()));
	}

	@EventListener
	void on(ItemRemediated e) {
		record(e.actor(),
				e.status() == RemediationStatus.ACCEPTED ? "REVIEW_REMEDIATION_ACCEPTED" : "REVIEW_ITEM_REMEDIATED",
				"ReviewItem", e.itemId(), e.occurredAt(),
				details("campaignId", e.campaignId(), "grantId", e.grantId(), "note", e.note()));
	}

	@EventListener
	void on(RemediationRoutedToManual e) {
		record(ReviewItem.SYSTEM_ACTOR, "REVIEW_REMEDIATION_ROUTED_MANUAL", "ReviewItem", e.itemId(), e.occurredAt(),
				details("campaignId", e.campaignId(), "connector", e.connector(), "reason", e.reason()));
	}

	@EventListener
	void on(RemediationProofAttached e) {
		record(e.actor(), "REVIEW_REMEDIATION_PROOF_ATTACHED", "ReviewItem", e.itemId(), e.occurredAt(),
				details("campaignId", e.campaignId(), "fileName", e.fileName(), "contentType", e.contentType(),
						"sizeBytes", e.sizeBytes(), "sha256", e.sha256()));
	}

	@EventListener
	void on(ItemCommented e) {
		record(e.author(), "REVIEW_ITEM_COMMENTED", "ReviewItem", e.itemId(), e.occurredAt(),
				details("campaignId", e.campaignId(), "comment", e.body()));
	}

	@EventListener
	void on(CampaignClosed e) {
		record(e.actor(), "REVIEW_CAMPAIGN_CLOSED", "ReviewCampaign", e.campaignId(), e.occurredAt(), details());
	}

	@EventListener
	void on(CampaignSignedOff e) {
		record(e.actor(), "REVIEW_CAMPAIGN_SIGNED_OFF", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("note", e.note()));
	}

	@EventListener
	void on(CampaignReportRequested e) {
		record(ReviewItem.SYSTEM_ACTOR, "REVIEW_REPORT_REQUESTED", "ReviewCampaign", e.campaignId(), e.occurredAt(),
				details("evidenceDate", e.evidenceDate()));
	}

	private void record(String actor, String action, String subjectType, Object subjectId, Instant occurredAt,
			Map<String, Object> details) {
		trail.record(actor, action, subjectType, String.valueOf(subjectId), details);
	}

	private static Map<String, Object> details(Object... keysAndValues) {
		Map<String, Object> map = new TreeMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
