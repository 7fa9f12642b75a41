package io.trunkguard.audit.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Statement;

/**
 * Flyway migration 3 (a Spring bean, so Spring Boot hands it to Flyway): on H2, the
 * embedded default's database, triggers ({@link H2AppendOnlyTrigger}) that refuse UPDATE
 * and DELETE on {@code audit_entry} and DELETE on {@code audit_chain_head}. H2 fires no
 * triggers on TRUNCATE, so unlike on PostgreSQL (migration 2) that stays possible for
 * someone with SQL access to the file; the chain verifier reports it (the head names
 * missing entries). On other databases it does nothing.
 */
@Component
class H2AuditTrailGuardMigration implements JavaMigration {

	static final String TRIGGER_CLASS = H2AppendOnlyTrigger.class.getName();

	static final String[] H2 = {
			"create trigger audit_entry_append_only before update, delete on audit_entry for each row call '"
					+ TRIGGER_CLASS + "'",
			"create trigger audit_chain_head_no_delete before delete on audit_chain_head for each row call '"
					+ TRIGGER_CLASS + "'" };

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("3");
	}

	@Override
	public String getDescription() {
		return "guard audit trail on H2";
	}

	@Override
	public Integer getChecksum() {
		return 3_0001;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		if (!"H2".equalsIgnoreCase(product)) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			for (String sql : H2) {
				statement.execute(sql);
			}
		}
	}

}
