package io.trunkguard.engagement.web;

import io.trunkguard.control.ControlService;
import io.trunkguard.control.ControlStatus;
import io.trunkguard.engagement.AuditEngagement;
import io.trunkguard.engagement.AuditEngagementId;
import io.trunkguard.engagement.AuditEngagementService;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.security.RefusedAction;
import io.trunkguard.security.Role;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a person may see of audits: compliance leads and admins every audit, an auditor
 * only those assigned to them (any other answers "not found", so an audit's existence is
 * not given away). Also the audit's period view: its controls' status and the evidence of
 * its criteria, in and out of the period.
 */
@Component
class AuditScope {

	/** An evidence item as the audit shows it. */
	record EvidenceRow(EvidenceItem item, String status, boolean flagged) {
	}

	/** The audit's period view. */
	record PeriodView(AuditEngagement audit, List<ControlStatus> controls, List<EvidenceRow> inPeriod,
			List<EvidenceRow> outOfPeriod) {
	}

	private final AuditEngagementService audits;

	private final ControlService controls;

	private final EvidenceService evidence;

	private final Clock clock;

	AuditScope(AuditEngagementService audits, ControlService controls, EvidenceService evidence,
			ObjectProvider<Clock> clock) {
		this.audits = audits;
		this.controls = controls;
		this.evidence = evidence;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	static boolean seesAll(Authentication user) {
		return Role.COMPLIANCE_LEAD.isHeldBy(user) || Role.ADMIN.isHeldBy(user);
	}

	List<AuditEngagement> visibleTo(Authentication user) {
		return seesAll(user) ? audits.all() : audits.assignedTo(user.getName());
	}

	/** The audit, if {@code user} may see it; else not found. */
	AuditEngagement get(AuditEngagementId id, Authentication user) {
		AuditEngagement audit = audits.get(id);
		if (!seesAll(user) && !audit.isAssignedTo(user.getName())) {
			throw new NotFoundException("Audit", id);
		}
		return audit;
	}

	PeriodView view(AuditEngagement audit) {
		LocalDate from = audit.getPeriodFrom();
		LocalDate to = audit.getPeriodTo();
		List<ControlStatus> statuses = audit.getCriteria()
			.stream()
			.map(code -> controls.status(code, from, to))
			.toList();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<EvidenceRow> rows = evidence.all()
			.stream()
			.filter(item -> item.getControls().stream().anyMatch(audit.getCriteria()::contains))
			.map(item -> new EvidenceRow(item, io.trunkguard.shared.Labels.capitalisedLabel(item.statusOn(today)),
					item.getStatus() == io.trunkguard.evidence.EvidenceStatus.FLAGGED))
			.toList();
		return new PeriodView(audit, statuses, rows.stream().filter(r -> r.item().evidencesWithin(from, to)).toList(),
				rows.stream().filter(r -> !r.item().evidencesWithin(from, to)).toList());
	}

	/**
	 * The audit assigned to {@code user} (an auditor) in which they may flag the item:
	 * one whose criteria and period cover it. Otherwise refused (403, recorded in the
	 * audit trail) with a sentence naming the item and the auditor's audits.
	 */
	AuditEngagement auditToFlagIn(Authentication user, EvidenceItem item) {
		List<AuditEngagement> mine = audits.assignedTo(user.getName());
		return mine.stream().filter(audit -> audit.covers(item)).findFirst().orElseThrow(() -> {
			if (mine.isEmpty()) {
				return new RefusedAction(user.getName() + " is assigned to no audit, and an auditor flags only "
						+ "evidence inside the audits assigned to them, so “" + item.getTitle() + "” was not flagged.");
			}
			String audits = mine.stream()
				.limit(3)
				.map(audit -> "“" + audit.getName() + "” (" + String.join(", ", audit.getCriteria()) + ", "
						+ audit.getPeriodFrom() + " to " + audit.getPeriodTo() + ")")
				.collect(java.util.stream.Collectors.joining(", "));
			return new RefusedAction(user.getName() + " may flag only evidence inside the audits assigned to them: “"
					+ item.getTitle() + "” (" + String.join(", ", item.getControls()) + ", " + evidenced(item)
					+ ") is inside none of them (" + audits
					+ (mine.size() > 3 ? " and " + (mine.size() - 3) + " more" : "") + "), so it was not flagged.");
		});
	}

	/**
	 * Refuses flagging the item in this audit unless the audit covers it (an item shown
	 * out of the audit period is not the audit's to flag).
	 */
	void requireFlaggableIn(AuditEngagement audit, EvidenceItem item, Authentication user) {
		if (!audit.covers(item)) {
			throw new RefusedAction(user.getName() + " may flag only evidence dated inside the audit “"
					+ audit.getName() + "” (" + audit.getPeriodFrom() + " to " + audit.getPeriodTo() + "): “"
					+ item.getTitle() + "” is " + evidenced(item) + ", so it was not flagged.");
		}
	}

	private static String evidenced(EvidenceItem item) {
		return item.getEvidencedFrom().equals(item.getEvidencedTo()) ? "evidenced " + item.getEvidencedFrom()
				: "evidenced " + item.getEvidencedFrom() + " to " + item.getEvidencedTo();
	}

	/**
	 * The evidence item, if it supports one of the audit's criteria (an auditor flags
	 * only what the audit shows).
	 */
	EvidenceItem evidenceOf(AuditEngagement audit, java.util.UUID itemId) {
		EvidenceItem item = evidence.get(itemId);
		if (item.getControls().stream().noneMatch(audit.getCriteria()::contains)) {
			throw new NotFoundException("EvidenceItem", itemId);
		}
		return item;
	}

}
