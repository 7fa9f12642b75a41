package io.trunkguard.audit.internal;

import io.trunkguard.shared.DatabaseMigration;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Flyway migration 2 (a Spring bean, so Spring Boot hands it to Flyway): on PostgreSQL,
 * triggers that refuse UPDATE, DELETE and TRUNCATE on {@code audit_entry} and DELETE and
 * TRUNCATE on {@code audit_chain_head}, so not even a bug or an SQL console session of
 * the application's database user can rewrite history without first disabling triggers
 * (which needs the table owner and shows up in the chain verification anyway). On other
 * databases (H2) it does nothing: H2 triggers need Java classes inside the database
 * engine, and the verifier detects tampering there.
 */
@Component
class AuditTrailGuardMigration extends DatabaseMigration {

	private static final String[] POSTGRESQL = { """
			create function audit_append_only() returns trigger language plpgsql as $$
			begin
			  raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name
			    using errcode = 'insufficient_privilege';
			end
			$$""",
			"create trigger audit_entry_append_only before update or delete on audit_entry "
					+ "for each row execute function audit_append_only()",
			"create trigger audit_entry_no_truncate before truncate on audit_entry "
					+ "for each statement execute function audit_append_only()",
			"create trigger audit_chain_head_no_delete before delete on audit_chain_head "
					+ "for each row execute function audit_append_only()",
			"create trigger audit_chain_head_no_truncate before truncate on audit_chain_head "
					+ "for each statement execute function audit_append_only()" };

	AuditTrailGuardMigration() {
		super("2", "guard audit trail", 2_0001);
	}

	@Override
	protected List<String> postgresql() {
		return List.of(POSTGRESQL);
	}

}
