package io.trunkguard.audit;

/**
 * Walks the whole audit chain in pages (bounded memory) and names the first entry that
 * does not match.
 */
public interface AuditChainVerifier {

	AuditVerification verify();

	/**
	 * Walks the chain from the first entry to entry {@code sequence} only (what an
	 * evidence pack that carries that head needs): every entry up to it is present,
	 * follows the one before, and hashes to its stored hash. Later entries are not read.
	 * An entry that does not exist (yet) is reported as missing.
	 */
	AuditVerification verifyThrough(long sequence);

}
