package io.trunkguard.audit;

/**
 * Walks the whole audit chain in pages (bounded memory) and names the first entry that
 * does not match.
 */
public interface AuditChainVerifier {

	AuditVerification verify();

}
