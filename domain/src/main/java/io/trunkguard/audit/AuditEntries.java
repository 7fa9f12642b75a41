package io.trunkguard.audit;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read-only access to the audit trail: no save, update or delete (append through
 * {@link AuditTrail}).
 */
public interface AuditEntries extends Repository<AuditEntry, Long> {

	Optional<AuditEntry> findById(Long sequence);

	long count();

	Page<AuditEntry> findAllByOrderBySequenceDesc(Pageable pageable);

	/**
	 * Entries in [from, to), oldest first: what an evidence pack for an audit period
	 * contains.
	 */
	Page<AuditEntry> findByOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderBySequenceAsc(Instant from, Instant to,
			Pageable pageable);

	/**
	 * The next {@code limit} entries after {@code sequence}, in order (keyset paging for
	 * walking the chain).
	 */
	List<AuditEntry> findBySequenceGreaterThanOrderBySequenceAsc(long sequence, Limit limit);

	Optional<AuditEntry> findFirstByOrderBySequenceDesc();

	/**
	 * Entries matching the optional filters (null means any), newest first.
	 * @param actor exact actor
	 * @param action exact action
	 * @param subjectType exact subject type
	 * @param subjectId exact subject id
	 * @param from occurred at or after
	 * @param to occurred before
	 */
	default Page<AuditEntry> search(String actor, String action, String subjectType, String subjectId, Instant from,
			Instant to, Pageable pageable) {
		// PostgreSQL cannot type a null timestamp parameter in "? is null": use open
		// bounds instead
		return searchBetween(actor, action, subjectType, subjectId, from != null ? from : EARLIEST,
				to != null ? to : LATEST, pageable);
	}

	/** Lower bound of an open period. */
	Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	/** Upper bound of an open period. */
	Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

	@Query("""
			select e from AuditEntry e
			where (:actor is null or e.actor = :actor)
			  and (:action is null or e.action = :action)
			  and (:subjectType is null or e.subjectType = :subjectType)
			  and (:subjectId is null or e.subjectId = :subjectId)
			  and e.occurredAt >= :from and e.occurredAt < :to
			order by e.sequence desc
			""")
	Page<AuditEntry> searchBetween(@Param("actor") String actor, @Param("action") String action,
			@Param("subjectType") String subjectType, @Param("subjectId") String subjectId, @Param("from") Instant from,
			@Param("to") Instant to, Pageable pageable);

}
