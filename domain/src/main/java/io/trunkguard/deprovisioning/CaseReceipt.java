package io.trunkguard.deprovisioning;

/**
 * The answer to a termination event.
 *
 * @param caseId the case that handles it
 * @param newCase true if this event opened the case; false if it joined an existing one
 * (same event id, or the person already being deprovisioned): only a new case starts a
 * process
 */
public record CaseReceipt(DeprovisioningCaseId caseId, boolean newCase) {
}
