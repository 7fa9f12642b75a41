package io.trunkguard.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the newest entry's sequence and hash; locked by every append.
 */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

	static final int ID = 1;

	@Id
	private int id;

	@Column(name = "last_sequence", nullable = false)
	private long lastSequence;

	@Column(name = "last_hash", nullable = false, length = 64)
	private String lastHash;

	protected AuditChainHead() {
		// for JPA
	}

	long lastSequence() {
		return lastSequence;
	}

	String lastHash() {
		return lastHash;
	}

	void advance(long sequence, String hash) {
		if (sequence != lastSequence + 1) {
			throw new IllegalStateException(
					"audit chain must advance by one: head " + lastSequence + ", new " + sequence);
		}
		this.lastSequence = sequence;
		this.lastHash = hash;
	}

}
