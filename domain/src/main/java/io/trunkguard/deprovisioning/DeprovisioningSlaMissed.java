package io.trunkguard.deprovisioning;

import java.time.Instant;
import java.util.List;

/**
 * A manual removal missed its SLA and was escalated (for notifications: a mail to the
 * escalation groups). Not an audit event itself: the case's
 * {@link DeprovisioningStepRecorded} of kind {@code ESCALATED} is the audit entry.
 *
 * @param ownerUsername the system owner who missed it, null if the system has no owner
 * with a login
 * @param escalatedTo the groups (roles) the removal went to
 */
public record DeprovisioningSlaMissed(DeprovisioningCaseId caseId, String hrId, String username, String grantId,
		String systemName, String ownerUsername, Instant slaDueAt, List<String> escalatedTo, Instant occurredAt) {

	public DeprovisioningSlaMissed {
		escalatedTo = List.copyOf(escalatedTo);
	}
}
