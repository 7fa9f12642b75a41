package io.trunkguard.audit.internal;

import io.trunkguard.shared.DatabaseMigration;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Flyway migration 3 (a Spring bean, so Spring Boot hands it to Flyway): on H2, the
 * embedded default's database, triggers ({@link H2AppendOnlyTrigger}) that refuse UPDATE
 * and DELETE on {@code audit_entry} and DELETE on {@code audit_chain_head}. H2 fires no
 * triggers on TRUNCATE, so unlike on PostgreSQL (migration 2) that stays possible for
 * someone with SQL access to the file; the chain verifier reports it (the head names
 * missing entries). On other databases it does nothing.
 */
@Component
class H2AuditTrailGuardMigration extends DatabaseMigration {

	static final String TRIGGER_CLASS = H2AppendOnlyTrigger.class.getName();

	static final String[] H2 = {
			"create trigger audit_entry_append_only before update, delete on audit_entry for each row call '"
					+ TRIGGER_CLASS + "'",
			"create trigger audit_chain_head_no_delete before delete on audit_chain_head for each row call '"
					+ TRIGGER_CLASS + "'" };

	H2AuditTrailGuardMigration() {
		super("3", "guard audit trail on H2", 3_0001);
	}

	@Override
	protected List<String> h2() {
		return List.of(H2);
	}

}
