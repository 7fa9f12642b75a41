package io.trunkguard.engagement;

import io.trunkguard.demo.DemoDataExtension;
import io.trunkguard.demo.DemoDataLoader;
import io.trunkguard.demo.DemoDocuments;
import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo's audit: "SOC 2 Type II <year>" over the calendar year with all four criteria,
 * assigned to the demo auditor, and two pieces of evidence beside what the demo's
 * activity records: one dated inside the year and one from the year before (shown to the
 * auditor as out of the audit period).
 */
@Component
class DemoAudit implements DemoDataExtension {

	static final String AUDITOR = "auditor";

	private final AuditEngagementService audits;

	private final EvidenceService evidence;

	DemoAudit(AuditEngagementService audits, EvidenceService evidence) {
		this.audits = audits;
		this.evidence = evidence;
	}

	@Override
	public void load(LocalDate today) {
		int year = today.getYear();
		LocalDate first = LocalDate.of(year, 1, 1);
		audits.create(new AuditDraft("SOC 2 Type II " + year, first, LocalDate.of(year, 12, 31),
				AuditEngagementService.CRITERIA, List.of(AUDITOR)), DemoDataLoader.ACTOR);
		LocalDate recent = today.minusDays(3).isBefore(first) ? first : today.minusDays(3);
		evidence.store(DemoDocuments.pdf("SBC access-list review"), "sbc-access-list-review-" + recent + ".pdf",
				new EvidenceDraft("SBC access-list review: only the carriers' signalling addresses admitted",
						List.of("CC6.1", "CC6.7"), recent, recent, "Demo", "sbc-access-list-review", null,
						"compliance-lead"),
				DemoDataLoader.ACTOR);
		LocalDate lastYear = LocalDate.of(year - 1, 11, 15);
		evidence.store(DemoDocuments.pdf("Information security policy acknowledgements"),
				"security-policy-acknowledgements-" + (year - 1) + ".pdf",
				new EvidenceDraft("Information security policy acknowledged by every employee (" + (year - 1) + ")",
						List.of("CC6.1"), lastYear, lastYear, "Demo", "policy-acknowledgements-" + (year - 1), null,
						"compliance-lead"),
				DemoDataLoader.ACTOR);
	}

}
