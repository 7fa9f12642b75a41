package io.trunkguard.securityevent;

import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reads the audit trail after the cursor, batch by batch, each batch in one transaction
 * that holds the cursor row's lock: the events of a batch and the cursor's advance commit
 * together, so each entry is derived exactly once, also with several nodes. Trail entries
 * get their sequence numbers in commit order (the trail's head lock is held to the
 * commit), so reading "after the cursor" never skips an entry that commits later.
 */
@Service
class DefaultSecurityEventService implements SecurityEventService {

	static final int BATCH = 200;

	private static final String LOCK_CURSOR = "select last_audit_sequence from security_event_cursor where id = 1 "
			+ "for update skip locked";

	private static final String ADVANCE_CURSOR = "update security_event_cursor set last_audit_sequence = ?1 where id = 1";

	@PersistenceContext
	private EntityManager entityManager;

	private final AuditEntries trail;

	private final SecurityEvents events;

	private final SecurityEventDerivation derivation;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DefaultSecurityEventService(AuditEntries trail, SecurityEvents events, SecurityEventDerivation derivation,
			PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
		this.trail = trail;
		this.events = events;
		this.derivation = derivation;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public int deriveNew() {
		int written = 0;
		while (true) {
			Batch batch = transactions.execute(status -> deriveBatch());
			if (batch == null || batch.entries() == 0) {
				return written;
			}
			written += batch.events();
			if (batch.entries() < BATCH) {
				return written;
			}
		}
	}

	private record Batch(int entries, int events) {
	}

	private Batch deriveBatch() {
		List<?> cursor = entityManager.createNativeQuery(LOCK_CURSOR).getResultList();
		if (cursor.isEmpty()) {
			// another node is deriving
			return new Batch(0, 0);
		}
		long last = ((Number) cursor.get(0)).longValue();
		List<AuditEntry> entries = trail.findBySequenceGreaterThanOrderBySequenceAsc(last, Limit.of(BATCH));
		if (entries.isEmpty()) {
			return new Batch(0, 0);
		}
		Instant now = clock.instant();
		int written = 0;
		for (AuditEntry entry : entries) {
			for (SecurityEvent event : derivation.derive(entry, now)) {
				if (!events.existsByOrigin(event.getOrigin())) {
					events.save(event);
					written++;
				}
			}
		}
		entityManager.flush();
		entityManager.createNativeQuery(ADVANCE_CURSOR)
			.setParameter(1, entries.get(entries.size() - 1).getSequence())
			.executeUpdate();
		return new Batch(entries.size(), written);
	}

	@Override
	public Page<SecurityEvent> search(SecurityEventType type, SecuritySeverity severity, SecurityEventSource source,
			Instant from, Instant to, Pageable pageable) {
		return events.search(type, severity, source, from != null ? from : SecurityEvents.EARLIEST,
				to != null ? to : SecurityEvents.LATEST, pageable);
	}

}
