package io.trunkguard.shared;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java because what it creates differs by database
 * (PostgreSQL functions and triggers, H2 triggers that are Java classes). Subclasses are
 * Spring beans (Spring Boot hands them to Flyway) and give their version, description and
 * a fixed checksum (Flyway computes none for Java migrations: change it when the SQL
 * changes), and the statements for each database; a database with none is left as it is.
 */
public abstract class DatabaseMigration implements JavaMigration {

	private final MigrationVersion version;

	private final String description;

	private final int checksum;

	protected DatabaseMigration(String version, String description, int checksum) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
		this.checksum = checksum;
	}

	/** What to run on PostgreSQL, in order. */
	protected List<String> postgresql() {
		return List.of();
	}

	/** What to run on H2, the embedded default's database, in order. */
	protected List<String> h2() {
		return List.of();
	}

	@Override
	public final MigrationVersion getVersion() {
		return version;
	}

	@Override
	public final String getDescription() {
		return description;
	}

	@Override
	public final Integer getChecksum() {
		return checksum;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public final void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		List<String> statements = "PostgreSQL".equalsIgnoreCase(product) ? postgresql()
				: "H2".equalsIgnoreCase(product) ? h2() : List.of();
		try (Statement statement = context.getConnection().createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
