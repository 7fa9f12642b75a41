package io.trunkguard.securityevent;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.time.Instant;

/** Derives security events from the audit trail and finds them. */
public interface SecurityEventService {

	/**
	 * Derives the events of the audit trail entries not read yet (all of them, batch by
	 * batch); returns how many events were written. Runs on one node at a time: while
	 * another node derives, this returns 0 at once.
	 */
	int deriveNew();

	/**
	 * Events matching the filters (null means any), newest first.
	 * @param from occurred at or after (null: from the start)
	 * @param to occurred before (null: to the end)
	 */
	Page<SecurityEvent> search(SecurityEventType type, SecuritySeverity severity, SecurityEventSource source,
			Instant from, Instant to, Pageable pageable);

}
