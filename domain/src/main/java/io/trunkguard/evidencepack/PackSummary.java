package io.trunkguard.evidencepack;

/**
 * What was exported: the pack's SHA-256 and size, how many files it holds, and the audit
 * trail head it carries.
 */
public record PackSummary(String sha256, long sizeBytes, int files, AuditHead head) {
}
