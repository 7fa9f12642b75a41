package io.trunkguard.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * An entry to append to the audit trail.
 *
 * @param actor who acted: a username, a machine client ({@code client:hr-webhook}) or
 * {@code system:<component>}
 * @param action what happened, upper snake case, e.g. {@code GRANT_REVOKED},
 * {@code LOGIN_SUCCEEDED}, {@code WRITE_REFUSED}
 * @param subjectType the kind of thing acted on, e.g. {@code Grant}; optional
 * @param subjectId its id; optional
 * @param details a JSON object with the particulars (may be null for none)
 * @param occurredAt when it happened; null means now
 */
public record AuditEntryDraft(@NotBlank @Size(max = AuditEntry.MAX_ACTOR) String actor,
		@NotBlank @Size(max = AuditEntry.MAX_ACTION) @Pattern(regexp = "[A-Z][A-Z0-9_]*",
				message = "upper snake case") String action,
		@Size(max = AuditEntry.MAX_SUBJECT_TYPE) String subjectType,
		@Size(max = AuditEntry.MAX_SUBJECT_ID) String subjectId, @Size(max = AuditEntry.MAX_DETAILS) String details,
		Instant occurredAt) {

	public static AuditEntryDraft of(String actor, String action, String subjectType, String subjectId,
			String details) {
		return new AuditEntryDraft(actor, action, subjectType, subjectId, details, null);
	}
}
