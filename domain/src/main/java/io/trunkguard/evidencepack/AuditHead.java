package io.trunkguard.evidencepack;

/**
 * The newest entry of the audit trail when a pack was made: its sequence number and hash
 * (0 and the genesis hash for an empty trail).
 */
public record AuditHead(long sequence, String hash) {
}
