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

/** Read-only access to the audit trail: no save, update or delete (append through {@link AuditTrail}). */
public interface AuditEntries extends Repository<AuditEntry, Long> {

	Optional<AuditEntry> findById(Long sequence);

	long count();

	Page<AuditEntry> findAllByOrderBySequenceDesc(Pageable pageable);

	/** Entries in [from, to), oldest first: what an evidence pack for an audit period contains. */
	Page<AuditEntry> findByOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderBySequenceAsc(Instant from, Instant to,
			Pageable pageable);

	/** The next {@code limit} entries after {@code sequence}, in order (keyset paging for walking the chain). */
	List<AuditEntry> findBySequenceGreaterThanOrderBySequenceAsc(long sequence, Limit limit);

	Optional<AuditEntry> findFirstByOrderBySequenceDesc();

	/**
	 * Entries matching the optional filters, newest first.
	 *
	 * @param actor exact actor
	 * @param action exact action
	 * @param subjectType exact subject type
	 * @param subjectId exact subject id
	 */
	@Query("""
			select e from AuditEntry e
			where (:actor is null or e.actor = :actor)
			  and (:action is null or e.action = :action)
			  and (:subjectType is null or e.subjectType = :subjectType)
			  and (:subjectId is null or e.subjectId = :subjectId)
			  and (:from is null or e.occurredAt >= :from)
			  and (:to is null or e.occurredAt < :to)
			order by e.sequence desc
			""")
	Page<AuditEntry> search(@Param("actor") String actor, @Param("action") String action,
			@Param("subjectType") String subjectType, @Param("subjectId") String subjectId, @Param("from") Instant from,
			@Param("to") Instant to, Pageable pageable);
}
