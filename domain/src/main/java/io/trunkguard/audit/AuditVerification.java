package io.trunkguard.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact whether every entry matched
 * @param entriesChecked how many entries were read
 * @param firstBrokenSequence the sequence number of the first entry that does not match
 * (or, for a missing entry, the sequence number that is missing); null when intact
 * @param reason what does not match, in words; null when intact
 * @param headHash the hash of the newest entry as stored in the chain head
 */
public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenSequence, String reason,
		String headHash) {

	public static AuditVerification intact(long entriesChecked, String headHash) {
		return new AuditVerification(true, entriesChecked, null, null, headHash);
	}

	public static AuditVerification broken(long entriesChecked, long sequence, String reason, String headHash) {
		return new AuditVerification(false, entriesChecked, sequence, reason, headHash);
	}
}
