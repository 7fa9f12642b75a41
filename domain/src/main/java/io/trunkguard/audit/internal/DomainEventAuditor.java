package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditEntryDraft;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.TreeMap;

/**
 * Writes every {@link AuditableEvent} the modules publish to the audit trail. The
 * listener is synchronous ({@code @EventListener}, not after commit): it runs inside the
 * transaction that changed the aggregate, so the change and its audit entry commit or
 * roll back together. Modules depend on the shared event type only, so the audit module
 * depends on none of them and any module can be audited without a cycle.
 */
@Component
class DomainEventAuditor {

	private final AuditTrail trail;

	DomainEventAuditor(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(AuditableEvent event) {
		trail.record(new AuditEntryDraft(event.actor(), event.auditAction(), event.auditSubjectType(),
				event.auditSubjectId(), Json.object(new TreeMap<>(event.auditDetails())), event.occurredAt()));
	}

}
