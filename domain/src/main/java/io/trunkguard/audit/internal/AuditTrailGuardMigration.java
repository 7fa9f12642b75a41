package io.trunkguard.audit.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Statement;

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
class AuditTrailGuardMigration implements JavaMigration {

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

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2");
	}

	@Override
	public String getDescription() {
		return "guard audit trail";
	}

	@Override
	public Integer getChecksum() {
		return 2_0001;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			for (String sql : POSTGRESQL) {
				statement.execute(sql);
			}
		}
	}

}
