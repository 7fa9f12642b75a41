package io.trunkguard.deprovisioning;

import java.util.List;

/**
 * What a roster import did.
 *
 * @param rosterId the SHA-256 of the roster file (the same file twice opens nothing new)
 * @param entries lines read
 * @param disappeared active people missing from the roster: treated as terminated (exit
 * review)
 * @param ended people whose end date has come
 * @param newCases cases opened by this import
 * @param unknownHrIds roster lines naming nobody Trunkguard knows (joiners are not
 * created here)
 */
public record RosterOutcome(String rosterId, int entries, List<String> disappeared, List<String> ended,
		List<DeprovisioningCaseId> newCases, List<String> unknownHrIds) {
}
