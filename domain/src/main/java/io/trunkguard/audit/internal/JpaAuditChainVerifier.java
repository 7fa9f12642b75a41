package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditHashes;
import io.trunkguard.audit.AuditVerification;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Walks the chain from the first entry to the one the chain head names,
 * {@value #PAGE_SIZE} entries at a time, clearing the persistence context after each page
 * so memory stays bounded whatever the trail's length. For each entry it checks, in this
 * order: that no sequence number is missing (a deleted row), that the entry's previous
 * hash is the hash of the entry before (a replaced or reordered row), and that its stored
 * hash is the hash of its fields (a changed field). Finally the newest entry must be the
 * one the chain head names (deleted newest rows).
 */
@Service
@Transactional(readOnly = true)
class JpaAuditChainVerifier implements AuditChainVerifier {

	static final int PAGE_SIZE = 500;

	@PersistenceContext
	private EntityManager entityManager;

	@Override
	public AuditVerification verify() {
		AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.ID);
		if (head == null) {
			return AuditVerification.broken(0, 0, "the chain head row is missing", null);
		}
		long headSequence = head.lastSequence();
		String headHash = head.lastHash();
		entityManager.detach(head);
		return walk(headSequence, headHash, "the chain head names entry " + headSequence);
	}

	@Override
	public AuditVerification verifyThrough(long sequence) {
		if (sequence <= 0) {
			return AuditVerification.intact(0, AuditHashes.GENESIS);
		}
		AuditEntry last = entityManager.find(AuditEntry.class, sequence);
		if (last == null) {
			return AuditVerification.broken(0, sequence, "entry " + sequence + " is not in the audit trail", null);
		}
		String lastHash = last.getHash();
		entityManager.detach(last);
		return walk(sequence, lastHash, "the walk ends at entry " + sequence);
	}

	private AuditVerification walk(long headSequence, String headHash, String whyThere) {

		long checked = 0;
		long previousSequence = 0;
		String previousHash = AuditHashes.GENESIS;
		while (previousSequence < headSequence) {
			List<AuditEntry> page = entityManager.createQuery(
					"select e from AuditEntry e where e.sequence > :after and e.sequence <= :last order by e.sequence",
					AuditEntry.class)
				.setParameter("after", previousSequence)
				.setParameter("last", headSequence)
				.setMaxResults(PAGE_SIZE)
				.getResultList();
			if (page.isEmpty()) {
				break;
			}
			for (AuditEntry entry : page) {
				checked++;
				long expected = previousSequence + 1;
				if (entry.getSequence() != expected) {
					return AuditVerification.broken(checked, expected,
							"entry " + expected + " is missing: the entry after " + previousSequence + " is "
									+ entry.getSequence() + " (a row was deleted)",
							headHash);
				}
				if (!entry.getPreviousHash().equals(previousHash)) {
					return AuditVerification.broken(checked, entry.getSequence(),
							"entry " + entry.getSequence() + " does not follow entry " + previousSequence
									+ ": its previous hash " + entry.getPreviousHash() + " is not the hash "
									+ previousHash + " (an entry was replaced or reordered)",
							headHash);
				}
				String computed = entry.computeHash();
				if (!computed.equals(entry.getHash())) {
					return AuditVerification.broken(checked, entry.getSequence(),
							"entry " + entry.getSequence() + " was changed: its fields hash to " + computed
									+ ", not to its stored hash " + entry.getHash(),
							headHash);
				}
				previousSequence = entry.getSequence();
				previousHash = entry.getHash();
			}
			entityManager.clear();
		}
		if (previousSequence != headSequence) {
			return AuditVerification.broken(checked, previousSequence + 1, "entries " + (previousSequence + 1) + " to "
					+ headSequence + " are missing: " + whyThere + " (rows were deleted)", headHash);
		}
		if (!previousHash.equals(headHash)) {
			return AuditVerification.broken(checked, headSequence, "entry " + headSequence
					+ " is not the entry the chain head names: its hash " + previousHash + " differs from " + headHash,
					headHash);
		}
		return AuditVerification.intact(checked, headHash);
	}

}
