package io.trunkguard.deprovisioning;

/**
 * The {@link AccountDisabler} recorded the outcome of a case's account disabling
 * (disabled or held for a second approver), outside any transaction: a process step that
 * came first and is waiting for its retry can run now.
 *
 * @param caseId the case
 */
public record AccountDisableRecorded(DeprovisioningCaseId caseId) {
}
