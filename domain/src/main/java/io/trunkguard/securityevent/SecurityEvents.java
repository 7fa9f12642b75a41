package io.trunkguard.securityevent;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The security events: written by the deriver only, read by the page and the outbox. */
public interface SecurityEvents extends Repository<SecurityEvent, Long> {

	/** Lower bound of an open period. */
	Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	/** Upper bound of an open period. */
	Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

	SecurityEvent save(SecurityEvent event);

	Optional<SecurityEvent> findById(Long id);

	boolean existsByOrigin(String origin);

	long count();

	/** The next events after {@code id}, in id order: what a destination is sent next. */
	List<SecurityEvent> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

	/**
	 * Events matching the filters (null type, severity or source means any), newest
	 * first.
	 */
	@Query("""
			select e from SecurityEvent e
			where (:type is null or e.type = :type)
			  and (:severity is null or e.severity = :severity)
			  and (:source is null or e.source = :source)
			  and e.occurredAt >= :from and e.occurredAt < :to
			order by e.occurredAt desc, e.id desc
			""")
	Page<SecurityEvent> search(@Param("type") SecurityEventType type, @Param("severity") SecuritySeverity severity,
			@Param("source") SecurityEventSource source, @Param("from") Instant from, @Param("to") Instant to,
			Pageable pageable);

}
