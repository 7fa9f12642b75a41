package io.trunkguard.deprovisioning;

import io.trunkguard.access.GrantId;

import java.time.Instant;
import java.util.List;

/**
 * An open user task of a deprovisioning case, as the process engine holds it (read
 * through {@link DeprovisioningTaskPort}).
 *
 * @param grantId the grant to remove; null for an investigation
 * @param assignee the one person who may complete it (the system owner of a manual
 * removal), else null
 * @param candidateGroups the roles that may complete it (escalations and investigations:
 * {@code compliance-lead})
 * @param dueAt the SLA due time of a removal, null for an investigation
 * @param verification what the last verification found (investigations), else null
 */
public record DeprovisioningTask(String id, Kind kind, String name, DeprovisioningCaseId caseId, GrantId grantId,
		String systemName, String assignee, List<String> candidateGroups, Instant createdAt, Instant dueAt,
		String verification) {

	/** The user tasks of the process. */
	public enum Kind {

		/**
		 * The system owner removes the leaver's access by hand
		 * ({@code Task_RemoveManually}).
		 */
		REMOVE_MANUALLY,
		/**
		 * The owner missed the SLA: a compliance lead removes it
		 * ({@code Task_RemoveEscalated}).
		 */
		REMOVE_ESCALATED,
		/**
		 * Verification found access left: a compliance lead investigates
		 * ({@code Task_InvestigateRemainingAccess}).
		 */
		INVESTIGATE

	}

	public DeprovisioningTask {
		candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
	}

	/** Who takes a manual removal whose system owner has no login. */
	public static final String OWNERLESS_ROLE = "compliance-lead";

	/**
	 * Whether {@code username} holding {@code roles} may see and complete this task: its
	 * assignee, a holder of a candidate role, or a compliance lead for a manual removal
	 * without assignee (the owner has no login).
	 */
	public boolean isFor(String username, java.util.Collection<String> roles) {
		if (kind == Kind.REMOVE_MANUALLY && assignee == null && candidateGroups.isEmpty()) {
			return roles.contains(OWNERLESS_ROLE);
		}
		return (assignee != null && assignee.equals(username)) || candidateGroups.stream().anyMatch(roles::contains);
	}
}
