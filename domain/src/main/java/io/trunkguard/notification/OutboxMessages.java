package io.trunkguard.notification;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outbox's messages. */
interface OutboxMessages extends JpaRepository<OutboxMessage, UUID>, JpaSpecificationExecutor<OutboxMessage> {

	/** The messages about one campaign or case, the oldest first. */
	List<OutboxMessage> findByReferenceTypeAndReferenceIdOrderByCreatedAt(String referenceType, String referenceId);

	/** PENDING messages whose next attempt is due, the longest waiting first. */
	@Query("select m.id from OutboxMessage m where m.status = io.trunkguard.notification.MessageStatus.PENDING"
			+ " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.createdAt")
	List<UUID> findDue(@Param("now") Instant now, Pageable pageable);

	/**
	 * Claims a due message for one sender (thread or node) by moving its next attempt to
	 * {@code leaseUntil}: returns 1 for the one that won, 0 for any other. A sender that
	 * dies mid-way leaves the message PENDING; it is tried again when the lease ends.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update OutboxMessage m set m.nextAttemptAt = :leaseUntil, m.version = m.version + 1 where m.id = :id"
			+ " and m.status = io.trunkguard.notification.MessageStatus.PENDING and m.nextAttemptAt <= :now")
	int claim(@Param("id") UUID id, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

}
