package io.trunkguard.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * An audit as a compliance lead writes it: its name, the period (both days included), the
 * criteria in scope and the logins of the auditors assigned. Checked by
 * {@link AuditEngagementService}, which names every field in error.
 */
public record AuditDraft(String name, LocalDate from, LocalDate to, List<String> criteria, List<String> auditors) {

	public AuditDraft {
		criteria = criteria == null ? List.of() : List.copyOf(criteria);
		auditors = auditors == null ? List.of() : List.copyOf(auditors);
	}

}
