package io.trunkguard.audit.internal;

import io.trunkguard.access.GrantIssued;
import io.trunkguard.access.GrantReduced;
import io.trunkguard.access.GrantRevoked;
import io.trunkguard.access.SystemChanged;
import io.trunkguard.access.SystemRegistered;
import io.trunkguard.audit.AuditEntryDraft;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.people.PersonChanged;
import io.trunkguard.people.PersonLeft;
import io.trunkguard.people.PersonRegistered;
import io.trunkguard.vendor.VendorChanged;
import io.trunkguard.vendor.VendorRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes every domain event of the other modules to the audit trail. The listeners are synchronous
 * ({@code @EventListener}, not after commit): they run inside the transaction that changed the aggregate, so the
 * change and its audit entry commit or roll back together.
 */
@Component
class DomainEventAuditor {

	private final AuditTrail trail;

	DomainEventAuditor(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(PersonRegistered event) {
		record(event.actor(), "PERSON_REGISTERED", "Person", event.personId(), event.occurredAt(),
				details("hrId", event.hrId(), "fullName", event.fullName()));
	}

	@EventListener
	void on(PersonChanged event) {
		record(event.actor(), "PERSON_CHANGED", "Person", event.personId(), event.occurredAt(),
				details("hrId", event.hrId(), "changedFields", event.changedFields()));
	}

	@EventListener
	void on(PersonLeft event) {
		record(event.actor(), "PERSON_LEFT", "Person", event.personId(), event.occurredAt(),
				details("hrId", event.hrId(), "lastDay", event.lastDay()));
	}

	@EventListener
	void on(SystemRegistered event) {
		record(event.actor(), "SYSTEM_REGISTERED", "System", event.systemId(), event.occurredAt(), details("name", event.name()));
	}

	@EventListener
	void on(SystemChanged event) {
		record(event.actor(), "SYSTEM_CHANGED", "System", event.systemId(), event.occurredAt(),
				details("name", event.name(), "changedFields", event.changedFields()));
	}

	@EventListener
	void on(GrantIssued event) {
		record(event.actor(), "GRANT_ISSUED", "Grant", event.grantId(), event.occurredAt(),
				details("personId", event.personId(), "systemId", event.systemId(), "entitlement", event.entitlement(),
						"privileged", event.privileged()));
	}

	@EventListener
	void on(GrantRevoked event) {
		record(event.actor(), "GRANT_REVOKED", "Grant", event.grantId(), event.occurredAt(),
				details("personId", event.personId(), "systemId", event.systemId(), "entitlement", event.entitlement(),
						"reason", event.reason()));
	}

	@EventListener
	void on(GrantReduced event) {
		record(event.actor(), "GRANT_REDUCED", "Grant", event.grantId(), event.occurredAt(),
				details("personId", event.personId(), "systemId", event.systemId(), "from", event.previousEntitlement(),
						"to", event.newEntitlement(), "privileged", event.privileged(), "reason", event.reason()));
	}

	@EventListener
	void on(VendorRegistered event) {
		record(event.actor(), "VENDOR_REGISTERED", "Vendor", event.vendorId(), event.occurredAt(),
				details("name", event.name(), "riskTier", event.riskTier()));
	}

	@EventListener
	void on(VendorChanged event) {
		record(event.actor(), "VENDOR_CHANGED", "Vendor", event.vendorId(), event.occurredAt(),
				details("name", event.name(), "changedFields", event.changedFields()));
	}

	private void record(String actor, String action, String subjectType, Object subjectId, Instant occurredAt,
			Map<String, Object> details) {
		trail.record(new AuditEntryDraft(actor, action, subjectType, String.valueOf(subjectId), Json.object(details), occurredAt));
	}

	private static Map<String, Object> details(Object... keysAndValues) {
		Map<String, Object> map = new TreeMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
